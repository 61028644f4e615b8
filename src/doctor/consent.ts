/**
 * The command an Entra admin (Privileged Role Administrator or Global Administrator) runs to grant
 * the bot's identity one application permission on Microsoft Graph: an app role assignment to its
 * service principal, which is the admin consent (az CLI, bash). docs/drift.md explains each one.
 */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export function consentCommand(permission: string, botAppId: string): string {
  const app = botAppId || '<BOT_ID>';
  return [
    `GRAPH_SP=$(az ad sp show --id ${MICROSOFT_GRAPH_APP_ID} --query id -o tsv)`,
    `BOT_SP=$(az ad sp show --id ${app} --query id -o tsv)`,
    `ROLE=$(az ad sp show --id ${MICROSOFT_GRAPH_APP_ID} --query "appRoles[?value=='${permission}'].id" -o tsv)`,
    `az rest --method POST --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$BOT_SP/appRoleAssignments" --body "{\\"principalId\\":\\"$BOT_SP\\",\\"resourceId\\":\\"$GRAPH_SP\\",\\"appRoleId\\":\\"$ROLE\\"}"`,
  ].join('; ');
}

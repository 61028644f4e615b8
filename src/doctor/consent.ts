/**
 * The command an Entra admin (Privileged Role Administrator or Global Administrator) runs to grant
 * the bot's identity one application permission on Microsoft Graph: an app role assignment to its
 * service principal, which is the admin consent (az CLI, bash). docs/deploy.md explains each one.
 */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** What each permission the bot asks for is for, in one line (docs/deploy.md says the same). */
export const PERMISSION_PURPOSE: Record<string, string> = {
  'User.Read.All': 'find a contact given by e-mail, and whether the account is enabled (GET /users/{upn})',
  'AppCatalog.Read.All':
    "find the app's id in the org catalog by its manifest id (GET /appCatalogs/teamsApps); not needed with TEAMS_CATALOG_APP_ID",
  'TeamsAppInstallation.ReadWriteSelfForUser.All':
    'install this app (and only this app) for a contact, and open the chat with them (POST /users/{id}/teamwork/installedApps)',
};

export function consentCommand(permission: string, botAppId: string): string {
  const app = botAppId || '<BOT_ID>';
  return [
    `GRAPH_SP=$(az ad sp show --id ${MICROSOFT_GRAPH_APP_ID} --query id -o tsv)`,
    `BOT_SP=$(az ad sp show --id ${app} --query id -o tsv)`,
    `ROLE=$(az ad sp show --id ${MICROSOFT_GRAPH_APP_ID} --query "appRoles[?value=='${permission}'].id" -o tsv)`,
    `az rest --method POST --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$BOT_SP/appRoleAssignments" --body "{\\"principalId\\":\\"$BOT_SP\\",\\"resourceId\\":\\"$GRAPH_SP\\",\\"appRoleId\\":\\"$ROLE\\"}"`,
  ].join('; ');
}

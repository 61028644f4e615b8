/**
 * The Microsoft Graph application permissions the bot asks an admin to grant, each with what it is
 * for (docs/drift.md says the same): one list for the doctor, its consent commands and the Graph
 * stand-in's default grant.
 */
export const GRAPH_PERMISSIONS: Readonly<Record<string, string>> = {
  // The account's state is not among User.ReadBasic.All's properties.
  'User.Read.All': 'find a contact given by e-mail, and whether the account is enabled (GET /users/{upn})',
  'AppCatalog.Read.All':
    "find the app's id in the org catalog by its manifest id (GET /appCatalogs/teamsApps); not needed with TEAMS_CATALOG_APP_ID",
  'TeamsAppInstallation.ReadWriteSelfForUser.All':
    'install this app (and only this app) for a contact, and open the chat with them (POST /users/{id}/teamwork/installedApps)',
};

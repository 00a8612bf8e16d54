/** The tenant goes first so `SCAN tenant:<id>:*` finds everything one tenant cached. */
export const keys = {
  document: (docId: string, tenantId: string) => `tenant:${tenantId}:doc:v2:${docId}`,
};

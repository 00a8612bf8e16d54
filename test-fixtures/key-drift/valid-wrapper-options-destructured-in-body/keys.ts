export const Keys = {
  Opportunity: {
    idByOrg: (id: string, org: string) => `opportunity:id:${id}-${org}`,
    listByOrg: (org: string) => `opportunity:list:${org}`,
  },
};

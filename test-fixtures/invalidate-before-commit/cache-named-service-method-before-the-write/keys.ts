export const Keys = {
  Account: {
    idByOrg: (id: string, org: string) => `account:id:${id}-${org}`,
  },
};

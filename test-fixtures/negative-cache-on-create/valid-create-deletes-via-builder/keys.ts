// valid: key builders shared by the read and the write path
export const keys = {
  team: (slug: string) => `team:${slug}`,
};

export const buildHasNotificationKey = ({ organizationId }: { organizationId: string }): string => `has_notification:o=${organizationId}`;

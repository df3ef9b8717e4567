/** Tables owned by the appointments module. Keep in step with its migrations. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppointmentsTables {}

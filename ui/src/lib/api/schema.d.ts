/**
 * GENERATED from the server's OpenAPI document by `npm run api:types`. Do not edit by hand:
 * change the route schemas in server/src/modules and regenerate. A test fails when this file is stale.
 */

export interface paths {
  '/api/accounts-receivable/aging': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open balances by days past due: current, 1–30, 31–60, 61–90, over 90 */
    get: {
      parameters: {
        query?: {
          asOf?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              asOf: string;
              customers: ({
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string;
              } & {
                current: number;
                days1to30: number;
                days31to60: number;
                days61to90: number;
                over90: number;
                totalCents: number;
              })[];
              invoices: {
                /** @description Oldest due first */
                current: {
                  balanceCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  customerId: string;
                  customerName: string;
                  daysPastDue: number;
                  /** Format: date-time */
                  dueAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  onAccount: boolean;
                }[];
                /** @description Oldest due first */
                days1to30: {
                  balanceCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  customerId: string;
                  customerName: string;
                  daysPastDue: number;
                  /** Format: date-time */
                  dueAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  onAccount: boolean;
                }[];
                /** @description Oldest due first */
                days31to60: {
                  balanceCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  customerId: string;
                  customerName: string;
                  daysPastDue: number;
                  /** Format: date-time */
                  dueAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  onAccount: boolean;
                }[];
                /** @description Oldest due first */
                days61to90: {
                  balanceCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  customerId: string;
                  customerName: string;
                  daysPastDue: number;
                  /** Format: date-time */
                  dueAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  onAccount: boolean;
                }[];
                /** @description Oldest due first */
                over90: {
                  balanceCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  customerId: string;
                  customerName: string;
                  daysPastDue: number;
                  /** Format: date-time */
                  dueAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  onAccount: boolean;
                }[];
              };
              totals: {
                current: number;
                days1to30: number;
                days31to60: number;
                days61to90: number;
                over90: number;
                totalCents: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/appointments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Appointments overlapping a time window (default: today, UTC), by start time */
    get: {
      parameters: {
        query: {
          /** @description UUIDv7 identifier */
          bayId?: string;
          /** @description UUIDv7 identifier */
          customerId?: string;
          /** @description Appointments that overlap [from, to). Default: today (UTC), or the day before `to`. */
          from?: string;
          limit: number;
          offset: number;
          /** @description One or more: status=booked&status=arrived */
          status?: ('booked' | 'arrived' | 'cancelled' | 'no_show')[];
          /** @description UUIDv7 identifier */
          technicianId?: string;
          /** @description After `from`, at most 62 days later. Default: from + 1 day. */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              from: string;
              items: {
                bayId: string | null;
                bayName: string | null;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string;
                /** Format: date-time */
                endsAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * @description drop_off: the car stays with the shop; waiter: the customer waits for it
                 * @enum {string}
                 */
                kind: 'drop_off' | 'waiter';
                notes: string;
                /** @description Set on arrival */
                repairOrderId: string | null;
                repairOrderNumber: number | null;
                requestedServices: string[];
                /** Format: date-time */
                startsAt: string;
                /**
                 * @description booked → arrived (a repair order is opened) | cancelled | no_show
                 * @enum {string}
                 */
                status: 'booked' | 'arrived' | 'cancelled' | 'no_show';
                technicianId: string | null;
                technicianName: string | null;
                /** Format: date-time */
                updatedAt: string;
                vehicleId: string | null;
                /** @description Year, make, model and plate, e.g. "2018 Honda Civic · ABC1234" */
                vehicleSummary: string | null;
                version: number;
              }[];
              /** @description Pass as `offset` for the next page. */
              nextOffset: number | null;
              /** Format: date-time */
              to: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Book an appointment (409 appointment-conflict when the bay or technician is taken) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description An active bay; refused when it is booked at an overlapping time
             */
            bayId?: string | null;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            customerId: string;
            /**
             * Format: date-time
             * @description After startsAt, at most 14 days later
             */
            endsAt: string;
            /**
             * @description drop_off: the car stays with the shop; waiter: the customer waits for it
             * @enum {string}
             */
            kind?: 'drop_off' | 'waiter';
            notes?: string;
            /** @description What the customer asked for, in their words; each becomes a concern on the repair order. */
            requestedServices?: string[];
            /** Format: date-time */
            startsAt: string;
            /**
             * Format: uuid
             * @description An active technician; refused when booked at an overlapping time
             */
            technicianId?: string | null;
            /**
             * Format: uuid
             * @description Optional at booking; needed before arrival. Must be the customer’s.
             */
            vehicleId?: string | null;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bayId: string | null;
              bayName: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              customerName: string;
              /** Format: date-time */
              endsAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description drop_off: the car stays with the shop; waiter: the customer waits for it
               * @enum {string}
               */
              kind: 'drop_off' | 'waiter';
              notes: string;
              /** @description Set on arrival */
              repairOrderId: string | null;
              repairOrderNumber: number | null;
              requestedServices: string[];
              /** Format: date-time */
              startsAt: string;
              /**
               * @description booked → arrived (a repair order is opened) | cancelled | no_show
               * @enum {string}
               */
              status: 'booked' | 'arrived' | 'cancelled' | 'no_show';
              technicianId: string | null;
              technicianName: string | null;
              /** Format: date-time */
              updatedAt: string;
              vehicleId: string | null;
              /** @description Year, make, model and plate, e.g. "2018 Honda Civic · ABC1234" */
              vehicleSummary: string | null;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/appointments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One appointment */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bayId: string | null;
              bayName: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              customerName: string;
              /** Format: date-time */
              endsAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description drop_off: the car stays with the shop; waiter: the customer waits for it
               * @enum {string}
               */
              kind: 'drop_off' | 'waiter';
              notes: string;
              /** @description Set on arrival */
              repairOrderId: string | null;
              repairOrderNumber: number | null;
              requestedServices: string[];
              /** Format: date-time */
              startsAt: string;
              /**
               * @description booked → arrived (a repair order is opened) | cancelled | no_show
               * @enum {string}
               */
              status: 'booked' | 'arrived' | 'cancelled' | 'no_show';
              technicianId: string | null;
              technicianName: string | null;
              /** Format: date-time */
              updatedAt: string;
              vehicleId: string | null;
              /** @description Year, make, model and plate, e.g. "2018 Honda Civic · ABC1234" */
              vehicleSummary: string | null;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change or move a booked appointment (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description null frees the appointment from its bay
             */
            bayId?: string | null;
            /** Format: date-time */
            endsAt?: string;
            /**
             * @description drop_off: the car stays with the shop; waiter: the customer waits for it
             * @enum {string}
             */
            kind?: 'drop_off' | 'waiter';
            notes?: string;
            /** @description What the customer asked for, in their words; each becomes a concern on the repair order. */
            requestedServices?: string[];
            /** Format: date-time */
            startsAt?: string;
            /**
             * Format: uuid
             * @description null frees the appointment from its technician
             */
            technicianId?: string | null;
            /**
             * Format: uuid
             * @description Must belong to the appointment’s customer
             */
            vehicleId?: string | null;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bayId: string | null;
              bayName: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              customerName: string;
              /** Format: date-time */
              endsAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description drop_off: the car stays with the shop; waiter: the customer waits for it
               * @enum {string}
               */
              kind: 'drop_off' | 'waiter';
              notes: string;
              /** @description Set on arrival */
              repairOrderId: string | null;
              repairOrderNumber: number | null;
              requestedServices: string[];
              /** Format: date-time */
              startsAt: string;
              /**
               * @description booked → arrived (a repair order is opened) | cancelled | no_show
               * @enum {string}
               */
              status: 'booked' | 'arrived' | 'cancelled' | 'no_show';
              technicianId: string | null;
              technicianName: string | null;
              /** Format: date-time */
              updatedAt: string;
              vehicleId: string | null;
              /** @description Year, make, model and plate, e.g. "2018 Honda Civic · ABC1234" */
              vehicleSummary: string | null;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/appointments/{id}/arrive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check the customer in: opens a repair order from the appointment */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            odometerIn?: number;
            /** Format: date-time */
            promisedAt?: string;
            /** @description When sent, a stale version gets 409 instead of the change */
            version?: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bayId: string | null;
              bayName: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              customerName: string;
              /** Format: date-time */
              endsAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description drop_off: the car stays with the shop; waiter: the customer waits for it
               * @enum {string}
               */
              kind: 'drop_off' | 'waiter';
              notes: string;
              /** @description Set on arrival */
              repairOrderId: string | null;
              repairOrderNumber: number | null;
              requestedServices: string[];
              /** Format: date-time */
              startsAt: string;
              /**
               * @description booked → arrived (a repair order is opened) | cancelled | no_show
               * @enum {string}
               */
              status: 'booked' | 'arrived' | 'cancelled' | 'no_show';
              technicianId: string | null;
              technicianName: string | null;
              /** Format: date-time */
              updatedAt: string;
              vehicleId: string | null;
              /** @description Year, make, model and plate, e.g. "2018 Honda Civic · ABC1234" */
              vehicleSummary: string | null;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/appointments/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a booked appointment: its bay and technician are free again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Kept in the audit log */
            reason?: string;
            /** @description When sent, a stale version gets 409 instead of the change */
            version?: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bayId: string | null;
              bayName: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              customerName: string;
              /** Format: date-time */
              endsAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description drop_off: the car stays with the shop; waiter: the customer waits for it
               * @enum {string}
               */
              kind: 'drop_off' | 'waiter';
              notes: string;
              /** @description Set on arrival */
              repairOrderId: string | null;
              repairOrderNumber: number | null;
              requestedServices: string[];
              /** Format: date-time */
              startsAt: string;
              /**
               * @description booked → arrived (a repair order is opened) | cancelled | no_show
               * @enum {string}
               */
              status: 'booked' | 'arrived' | 'cancelled' | 'no_show';
              technicianId: string | null;
              technicianName: string | null;
              /** Format: date-time */
              updatedAt: string;
              vehicleId: string | null;
              /** @description Year, make, model and plate, e.g. "2018 Honda Civic · ABC1234" */
              vehicleSummary: string | null;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/appointments/{id}/no-show': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a booked appointment as a no-show */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Kept in the audit log */
            reason?: string;
            /** @description When sent, a stale version gets 409 instead of the change */
            version?: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bayId: string | null;
              bayName: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              customerName: string;
              /** Format: date-time */
              endsAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description drop_off: the car stays with the shop; waiter: the customer waits for it
               * @enum {string}
               */
              kind: 'drop_off' | 'waiter';
              notes: string;
              /** @description Set on arrival */
              repairOrderId: string | null;
              repairOrderNumber: number | null;
              requestedServices: string[];
              /** Format: date-time */
              startsAt: string;
              /**
               * @description booked → arrived (a repair order is opened) | cancelled | no_show
               * @enum {string}
               */
              status: 'booked' | 'arrived' | 'cancelled' | 'no_show';
              technicianId: string | null;
              technicianName: string | null;
              /** Format: date-time */
              updatedAt: string;
              vehicleId: string | null;
              /** @description Year, make, model and plate, e.g. "2018 Honda Civic · ABC1234" */
              vehicleSummary: string | null;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first, filtered by entity or actor */
    get: {
      parameters: {
        query: {
          /** @description UUIDv7 identifier */
          actorUserId?: string;
          /** @description UUIDv7 identifier */
          before?: string;
          entityId?: string;
          entityType?: string;
          limit: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                action: string;
                actorLabel: string;
                actorUserId: string | null;
                /** Format: date-time */
                at: string;
                data: {
                  [key: string]: unknown;
                };
                entityId: string | null;
                entityType: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                ip: string | null;
              }[];
              /** @description Pass as `before` for the next (older) page. */
              nextBefore: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with email and password (and the two-step code when turned on) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The 6-digit code from the authenticator app, or a recovery code. */
            code?: string;
            /** Format: email */
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string;
              user: {
                active: boolean;
                /** Format: date-time */
                createdAt: string;
                email: string | null;
                hasPassword: boolean;
                hasPin: boolean;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                /**
                 * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
                 * @enum {string}
                 */
                role: 'owner' | 'advisor' | 'technician' | 'parts';
                totpEnabled: boolean;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out (ends this session) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in staff member */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              session: {
                /** @description Whether this request came from the shop network. */
                lan: boolean;
                /** @enum {string} */
                method: 'password' | 'pin';
                mfaVerified: boolean;
              };
              user: {
                active: boolean;
                /** Format: date-time */
                createdAt: string;
                email: string | null;
                hasPassword: boolean;
                hasPin: boolean;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                /**
                 * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
                 * @enum {string}
                 */
                role: 'owner' | 'advisor' | 'technician' | 'parts';
                totpEnabled: boolean;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change your own password (your other sessions end) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            /** @description At least 10 characters; common passwords and ones built on the person's name or email are refused. */
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Technician sign-in by PIN (shop network only) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 4 to 8 digits. */
            pin: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            userId: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string;
              user: {
                active: boolean;
                /** Format: date-time */
                createdAt: string;
                email: string | null;
                hasPassword: boolean;
                hasPin: boolean;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                /**
                 * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
                 * @enum {string}
                 */
                role: 'owner' | 'advisor' | 'technician' | 'parts';
                totpEnabled: boolean;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/pin-users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Technicians who can sign in by PIN (shop network only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                /**
                 * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
                 * @enum {string}
                 */
                role: 'owner' | 'advisor' | 'technician' | 'parts';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether this device is signed in (and as whom), or whether first-run setup is needed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description null when not signed in */
              me: {
                session: {
                  /** @description Whether this request came from the shop network. */
                  lan: boolean;
                  /** @enum {string} */
                  method: 'password' | 'pin';
                  mfaVerified: boolean;
                };
                user: {
                  active: boolean;
                  /** Format: date-time */
                  createdAt: string;
                  email: string | null;
                  hasPassword: boolean;
                  hasPin: boolean;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                  /**
                   * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
                   * @enum {string}
                   */
                  role: 'owner' | 'advisor' | 'technician' | 'parts';
                  totpEnabled: boolean;
                  /** Format: date-time */
                  updatedAt: string;
                  version: number;
                };
              } | null;
              /** @description true until the first owner is created (then no one can be signed in) */
              setupNeeded: boolean;
              /** @description The shop name and time zone every screen needs, when signed in (null otherwise): in this answer so that the app start needs no second request a sign-out could race. */
              shop: {
                name: string;
                timezone: string;
              } | null;
              signedIn: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish two-step enrollment with a code from the app; returns one-time recovery codes */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Shown once. Each works once. */
              recoveryCodes: string[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/totp/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn off your two-step verification (needs your password) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/totp/enroll': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start two-step verification: returns the secret and a QR code to scan */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              otpauthUrl: string;
              /** @description PNG data URL of the otpauth URL */
              qrCodeDataUrl: string;
              /** @description base32, for typing into an app by hand */
              secret: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/backup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the database is replicated (the secret only as set/not set) and how replication is doing */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              settings: {
                file: {
                  path: string;
                };
                lagWarningSeconds: number;
                s3: {
                  accessKeyId: string;
                  bucket: string;
                  endpoint: string;
                  forcePathStyle: boolean;
                  path: string;
                  region: string;
                  /** @description Whether a secret access key is stored (it is never returned) */
                  secretSet: boolean;
                };
                /** @enum {string} */
                target: 'off' | 's3' | 'file';
                /** Format: date-time */
                updatedAt: string | null;
                version: number;
              };
              status: {
                /** @description The Litestream binary in use; null when none was found */
                binary: string | null;
                /** @description Litestream's current generation id */
                generation: string | null;
                /** @description How long commits have waited for the replica (0 = it has everything) */
                lagSeconds: number | null;
                /** Format: date-time */
                lastSyncAt: string | null;
                /** @description What is happening, or what went wrong, in words */
                message: string | null;
                /** @enum {string} */
                state: 'off' | 'starting' | 'replicating' | 'error';
                /** @description Set when the owner should act (error, or lag too long) */
                warning: string | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/backup/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Photos and other files on their way to the off-site copy: counts, last upload, last error */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Pending files whose last attempt failed (they are retried with backoff, never dropped) */
              failing: number;
              /** @description The most recent error of a file still waiting, as a sentence */
              lastError: string | null;
              /** Format: date-time */
              lastUploadAt: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** @description Files not yet copied to the target */
              pending: number;
              /**
               * @description Where files go: 'off' (nowhere yet), an S3-compatible bucket, or a folder (USB disk, NAS)
               * @enum {string}
               */
              target: 'off' | 's3' | 'file';
              /** @description Files the target holds */
              uploaded: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/backup/files/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retry failed uploads now instead of waiting for their backoff */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Pending files whose last attempt failed (they are retried with backoff, never dropped) */
              failing: number;
              /** @description The most recent error of a file still waiting, as a sentence */
              lastError: string | null;
              /** Format: date-time */
              lastUploadAt: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** @description Files not yet copied to the target */
              pending: number;
              /**
               * @description Where files go: 'off' (nowhere yet), an S3-compatible bucket, or a folder (USB disk, NAS)
               * @enum {string}
               */
              target: 'off' | 's3' | 'file';
              /** @description Files the target holds */
              uploaded: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/backup/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change the replica target (send the version you read; the secret is write-only) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            file?: {
              /** @description Absolute directory, e.g. /mnt/usb/ase */
              path?: string;
            };
            lagWarningSeconds?: number;
            s3?: {
              accessKeyId?: string;
              bucket?: string;
              /** @description http(s) URL of the S3 API */
              endpoint?: string;
              forcePathStyle?: boolean;
              /** @description Folder in the bucket, e.g. shop1 */
              path?: string;
              region?: string;
              /** @description Write-only; absent keeps the stored one. */
              secretAccessKey?: string;
            };
            /** @enum {string} */
            target?: 'off' | 's3' | 'file';
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              settings: {
                file: {
                  path: string;
                };
                lagWarningSeconds: number;
                s3: {
                  accessKeyId: string;
                  bucket: string;
                  endpoint: string;
                  forcePathStyle: boolean;
                  path: string;
                  region: string;
                  /** @description Whether a secret access key is stored (it is never returned) */
                  secretSet: boolean;
                };
                /** @enum {string} */
                target: 'off' | 's3' | 'file';
                /** Format: date-time */
                updatedAt: string | null;
                version: number;
              };
              status: {
                /** @description The Litestream binary in use; null when none was found */
                binary: string | null;
                /** @description Litestream's current generation id */
                generation: string | null;
                /** @description How long commits have waited for the replica (0 = it has everything) */
                lagSeconds: number | null;
                /** Format: date-time */
                lastSyncAt: string | null;
                /** @description What is happening, or what went wrong, in words */
                message: string | null;
                /** @enum {string} */
                state: 'off' | 'starting' | 'replicating' | 'error';
                /** @description Set when the owner should act (error, or lag too long) */
                warning: string | null;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/backup/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test the stored target, or a candidate before saving it (write, read, delete a probe) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            file?: {
              /** @description Absolute directory, e.g. /mnt/usb/ase */
              path?: string;
            };
            s3?: {
              accessKeyId?: string;
              bucket?: string;
              /** @description http(s) URL of the S3 API */
              endpoint?: string;
              forcePathStyle?: boolean;
              /** @description Folder in the bucket, e.g. shop1 */
              path?: string;
              region?: string;
              /** @description Write-only; absent keeps the stored one. */
              secretAccessKey?: string;
            };
            /** @enum {string} */
            target?: 'off' | 's3' | 'file';
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              elapsedMs: number;
              message: string;
              ok: boolean;
              /** @enum {string} */
              target: 'off' | 's3' | 'file';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bay-sensors/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bay's sensor events, newest first (duplicates are not stored) */
    get: {
      parameters: {
        query: {
          /** @description UUIDv7 identifier */
          bayId: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * @description What ASE did about the job in the bay because of it (null: nothing to do)
                 * @enum {string|null}
                 */
                action: 'started' | 'completed' | 'suggested' | 'refused' | 'no_job' | 'none' | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                bayId: string | null;
                detail: string | null;
                deviceId: string;
                /** @enum {string} */
                event: 'in' | 'out';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string | null;
                /**
                 * @description applied: moved the bay; out_of_order: arrived after a later one (kept, no change); already_in / already_out: the bay was already so; no_bay: the sensor is not placed in a bay
                 * @enum {string}
                 */
                outcome: 'applied' | 'out_of_order' | 'already_in' | 'already_out' | 'no_bay';
                /** Format: date-time */
                receivedAt: string;
                /** @description The sensor's own clock, as sent */
                sensorAt: string;
                seq: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bay-sensors/floor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every bay as its sensors see it: occupancy, time in bay, the job, open suggestions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bays: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                bayId: string;
                bayName: string;
                job: {
                  /** @description The job's labor hours, in seconds (0: no estimate) */
                  bookSeconds: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @description In a bay longer than its book hours */
                  overrun: boolean;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  repairOrderId: string;
                  repairOrderNumber: number;
                  /** @description All its stays in bays so far */
                  secondsInBay: number;
                  status: string;
                  title: string;
                } | null;
                lastEvent: {
                  /**
                   * @description What ASE did about the job in the bay because of it (null: nothing to do)
                   * @enum {string|null}
                   */
                  action: 'started' | 'completed' | 'suggested' | 'refused' | 'no_job' | 'none' | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  bayId: string | null;
                  detail: string | null;
                  deviceId: string;
                  /** @enum {string} */
                  event: 'in' | 'out';
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string | null;
                  /**
                   * @description applied: moved the bay; out_of_order: arrived after a later one (kept, no change); already_in / already_out: the bay was already so; no_bay: the sensor is not placed in a bay
                   * @enum {string}
                   */
                  outcome: 'applied' | 'out_of_order' | 'already_in' | 'already_out' | 'no_bay';
                  /** Format: date-time */
                  receivedAt: string;
                  /** @description The sensor's own clock, as sent */
                  sensorAt: string;
                  seq: number;
                } | null;
                /** @description A car is in the bay and no job is placed in it */
                noJobPlaced: boolean;
                occupied: boolean;
                /** @description This stay so far (0 when empty), on the server's clock */
                secondsInBay: number;
                /** @description A sensor placed in this bay is offline */
                sensorOffline: boolean;
                sensors: {
                  deviceId: string;
                  name: string;
                  online: boolean;
                }[];
                /** Format: date-time */
                since: string | null;
                /** @description Open ones */
                suggestions: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  bayId: string;
                  /** Format: date-time */
                  createdAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'start' | 'complete';
                  /** @description e.g. "Car entered Bay 3 at 10:02 — start “Brakes” (RO 1001)?" */
                  message: string;
                  /** Format: date-time */
                  resolvedAt: string | null;
                  /** @enum {string} */
                  status: 'open' | 'accepted' | 'dismissed' | 'expired';
                }[];
              }[];
              /** Format: date-time */
              generatedAt: string;
              /** @enum {string} */
              mode: 'suggest' | 'automatic';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bay-sensors/repair-orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Time in bay of a repair order's jobs, as the sensors measured it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobs: {
                bookSeconds: number;
                inBayNow: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  bayId: string;
                  /** Format: date-time */
                  since: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                overrun: boolean;
                secondsInBay: number;
                /** @description How many times the car came into a bay for it */
                stays: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bay-sensors/suggestions/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Do what the suggestion says (start or complete the job), as the signed-in person */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              bayId: string;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              /** @enum {string} */
              kind: 'start' | 'complete';
              /** @description e.g. "Car entered Bay 3 at 10:02 — start “Brakes” (RO 1001)?" */
              message: string;
              /** Format: date-time */
              resolvedAt: string | null;
              /** @enum {string} */
              status: 'open' | 'accepted' | 'dismissed' | 'expired';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bay-sensors/suggestions/{id}/dismiss': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dismiss a suggestion (the job is left as it is) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              bayId: string;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              /** @enum {string} */
              kind: 'start' | 'complete';
              /** @description e.g. "Car entered Bay 3 at 10:02 — start “Brakes” (RO 1001)?" */
              message: string;
              /** Format: date-time */
              resolvedAt: string | null;
              /** @enum {string} */
              status: 'open' | 'accepted' | 'dismissed' | 'expired';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All bays, in board order */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                capabilities: string[];
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                sortOrder: number;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a bay */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description e.g. "lift", "alignment", "tire-machine", "heavy-duty" */
            capabilities?: string[];
            name: string;
            sortOrder?: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              capabilities: string[];
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              sortOrder: number;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bays/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a bay (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            /** @description e.g. "lift", "alignment", "tire-machine", "heavy-duty" */
            capabilities?: string[];
            name?: string;
            sortOrder?: number;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              capabilities: string[];
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              sortOrder: number;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/canned-jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Canned jobs by name (archived ones with includeInactive=true) */
    get: {
      parameters: {
        query: {
          includeInactive: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                concern: string;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lines: {
                  description: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  inventoryItemId: string | null;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  partNumber: string | null;
                  quantity: number;
                  taxable: boolean;
                  /** @description null: a stock part at its cost, else 0 */
                  unitCostCents: number | null;
                  /** @description null: labor at the shop rate, a stock part at its sell price */
                  unitPriceCents: number | null;
                }[];
                name: string;
                title: string;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a canned job with its lines */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            concern?: string;
            lines?: {
              description: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              inventoryItemId?: string;
              /** @enum {string} */
              kind: 'labor' | 'part' | 'fee' | 'sublet';
              partNumber?: string;
              /** @description Hours (labor) or units, > 0 with at most 3 decimals: 1.5 = an hour and a half. */
              quantity: number;
              /** @description Default true */
              taxable?: boolean;
              /** @description integer cents */
              unitCostCents?: number;
              /** @description Labor defaults to the shop labor rate, a stock part to its sell price. */
              unitPriceCents?: number;
            }[];
            name: string;
            title: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              concern: string;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                inventoryItemId: string | null;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                partNumber: string | null;
                quantity: number;
                taxable: boolean;
                /** @description null: a stock part at its cost, else 0 */
                unitCostCents: number | null;
                /** @description null: labor at the shop rate, a stock part at its sell price */
                unitPriceCents: number | null;
              }[];
              name: string;
              title: string;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/canned-jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One canned job */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              concern: string;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                inventoryItemId: string | null;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                partNumber: string | null;
                quantity: number;
                taxable: boolean;
                /** @description null: a stock part at its cost, else 0 */
                unitCostCents: number | null;
                /** @description null: labor at the shop rate, a stock part at its sell price */
                unitPriceCents: number | null;
              }[];
              name: string;
              title: string;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a canned job (archived instead when jobs were made from it) */
    delete: {
      parameters: {
        query?: {
          /** @description The version you last read; a stale version gets 409 with the current one. */
          version?: number;
        };
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a canned job (send the version you read); lines are replaced as a whole */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            concern?: string;
            lines?: {
              description: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              inventoryItemId?: string;
              /** @enum {string} */
              kind: 'labor' | 'part' | 'fee' | 'sublet';
              partNumber?: string;
              /** @description Hours (labor) or units, > 0 with at most 3 decimals: 1.5 = an hour and a half. */
              quantity: number;
              /** @description Default true */
              taxable?: boolean;
              /** @description integer cents */
              unitCostCents?: number;
              /** @description Labor defaults to the shop labor rate, a stock part to its sell price. */
              unitPriceCents?: number;
            }[];
            name?: string;
            title?: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              concern: string;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                inventoryItemId: string | null;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                partNumber: string | null;
                quantity: number;
                taxable: boolean;
                /** @description null: a stock part at its cost, else 0 */
                unitCostCents: number | null;
                /** @description null: labor at the shop rate, a stock part at its sell price */
                unitPriceCents: number | null;
              }[];
              name: string;
              title: string;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/canned-jobs/starter-set': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add the starter set (oil and filter, brake pads per axle, rotation, battery, diagnostics, alignment, wiper blades, cabin filter); once: names already taken are skipped */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The starter jobs added now (empty when all were there) */
              created: {
                active: boolean;
                concern: string;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lines: {
                  description: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  inventoryItemId: string | null;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  partNumber: string | null;
                  quantity: number;
                  taxable: boolean;
                  /** @description null: a stock part at its cost, else 0 */
                  unitCostCents: number | null;
                  /** @description null: labor at the shop rate, a stock part at its sell price */
                  unitPriceCents: number | null;
                }[];
                name: string;
                title: string;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customers by name, a page at a time (merged ones only when asked) */
    get: {
      parameters: {
        query: {
          /** @description nextCursor of the previous page */
          cursor?: string;
          /** @description Also list customers merged into others */
          includeMerged: boolean;
          /** @description person, business or fleet account */
          kind?: 'person' | 'business' | 'fleet';
          limit: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                contactInfo: {
                  emails: {
                    /** @description lower case */
                    address: string;
                    label?: string;
                    primary: boolean;
                  }[];
                  phones: {
                    extension?: string;
                    label?: string;
                    /** @description E.164, e.g. +15551234567 */
                    number: string;
                    primary: boolean;
                  }[];
                };
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * @description person, business or fleet account
                 * @enum {string}
                 */
                kind: 'person' | 'business' | 'fleet';
                /** @description Set when this customer was merged into another; read that one instead */
                mergedIntoId: string | null;
                name: string;
                notes: string;
                preferences: {
                  /**
                   * @description How the customer wants to hear from the shop
                   * @enum {string}
                   */
                  contactChannel: 'sms' | 'email' | 'phone' | 'none';
                  language: string;
                  marketingOptIn: boolean;
                };
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /** @description Pass as `cursor` for the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a customer (409 possible-duplicate when the phone or email is already known) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Create even though another customer has the same phone or email (after a 409) */
            confirmDuplicate?: boolean;
            /** @description A list given here replaces the stored list of that kind */
            contactInfo?: {
              emails?: {
                /** Format: email */
                address: string;
                /** @description e.g. "mobile", "work", "billing" */
                label?: string;
                primary?: boolean;
              }[];
              phones?: {
                /** @description e.g. "mobile", "work", "billing" */
                label?: string;
                /** @description Any format: "(555) 123-4567", "555.123.4567", "+1 555 123 4567"; stored as E.164 */
                number: string;
                primary?: boolean;
              }[];
            };
            /**
             * @description person, business or fleet account
             * @enum {string}
             */
            kind?: 'person' | 'business' | 'fleet';
            name: string;
            notes?: string;
            /** @description Fields given here replace the stored ones; the rest stay */
            preferences?: {
              /**
               * @description How the customer wants to hear from the shop
               * @enum {string}
               */
              contactChannel?: 'sms' | 'email' | 'phone' | 'none';
              /** @description a language tag like en, es or fr-CA */
              language?: string;
              marketingOptIn?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              contactInfo: {
                emails: {
                  /** @description lower case */
                  address: string;
                  label?: string;
                  primary: boolean;
                }[];
                phones: {
                  extension?: string;
                  label?: string;
                  /** @description E.164, e.g. +15551234567 */
                  number: string;
                  primary: boolean;
                }[];
              };
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description person, business or fleet account
               * @enum {string}
               */
              kind: 'person' | 'business' | 'fleet';
              /** @description Set when this customer was merged into another; read that one instead */
              mergedIntoId: string | null;
              name: string;
              notes: string;
              preferences: {
                /**
                 * @description How the customer wants to hear from the shop
                 * @enum {string}
                 */
                contactChannel: 'sms' | 'email' | 'phone' | 'none';
                language: string;
                marketingOptIn: boolean;
              };
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One customer (a merged one shows mergedIntoId) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              contactInfo: {
                emails: {
                  /** @description lower case */
                  address: string;
                  label?: string;
                  primary: boolean;
                }[];
                phones: {
                  extension?: string;
                  label?: string;
                  /** @description E.164, e.g. +15551234567 */
                  number: string;
                  primary: boolean;
                }[];
              };
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description person, business or fleet account
               * @enum {string}
               */
              kind: 'person' | 'business' | 'fleet';
              /** @description Set when this customer was merged into another; read that one instead */
              mergedIntoId: string | null;
              name: string;
              notes: string;
              preferences: {
                /**
                 * @description How the customer wants to hear from the shop
                 * @enum {string}
                 */
                contactChannel: 'sms' | 'email' | 'phone' | 'none';
                language: string;
                marketingOptIn: boolean;
              };
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a customer (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A list given here replaces the stored list of that kind */
            contactInfo?: {
              emails?: {
                /** Format: email */
                address: string;
                /** @description e.g. "mobile", "work", "billing" */
                label?: string;
                primary?: boolean;
              }[];
              phones?: {
                /** @description e.g. "mobile", "work", "billing" */
                label?: string;
                /** @description Any format: "(555) 123-4567", "555.123.4567", "+1 555 123 4567"; stored as E.164 */
                number: string;
                primary?: boolean;
              }[];
            };
            /**
             * @description person, business or fleet account
             * @enum {string}
             */
            kind?: 'person' | 'business' | 'fleet';
            name?: string;
            notes?: string;
            /** @description Fields given here replace the stored ones; the rest stay */
            preferences?: {
              /**
               * @description How the customer wants to hear from the shop
               * @enum {string}
               */
              contactChannel?: 'sms' | 'email' | 'phone' | 'none';
              /** @description a language tag like en, es or fr-CA */
              language?: string;
              marketingOptIn?: boolean;
            };
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              contactInfo: {
                emails: {
                  /** @description lower case */
                  address: string;
                  label?: string;
                  primary: boolean;
                }[];
                phones: {
                  extension?: string;
                  label?: string;
                  /** @description E.164, e.g. +15551234567 */
                  number: string;
                  primary: boolean;
                }[];
              };
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * @description person, business or fleet account
               * @enum {string}
               */
              kind: 'person' | 'business' | 'fleet';
              /** @description Set when this customer was merged into another; read that one instead */
              mergedIntoId: string | null;
              name: string;
              notes: string;
              preferences: {
                /**
                 * @description How the customer wants to hear from the shop
                 * @enum {string}
                 */
                contactChannel: 'sms' | 'email' | 'phone' | 'none';
                language: string;
                marketingOptIn: boolean;
              };
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/customers/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge a duplicate into this customer: its vehicles, repair orders and history move here */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            sourceCustomerId: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customer: {
                contactInfo: {
                  emails: {
                    /** @description lower case */
                    address: string;
                    label?: string;
                    primary: boolean;
                  }[];
                  phones: {
                    extension?: string;
                    label?: string;
                    /** @description E.164, e.g. +15551234567 */
                    number: string;
                    primary: boolean;
                  }[];
                };
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * @description person, business or fleet account
                 * @enum {string}
                 */
                kind: 'person' | 'business' | 'fleet';
                /** @description Set when this customer was merged into another; read that one instead */
                mergedIntoId: string | null;
                name: string;
                notes: string;
                preferences: {
                  /**
                   * @description How the customer wants to hear from the shop
                   * @enum {string}
                   */
                  contactChannel: 'sms' | 'email' | 'phone' | 'none';
                  language: string;
                  marketingOptIn: boolean;
                };
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              mergedCustomerId: string;
              /** @description How many records each module moved to the kept customer, e.g. { "vehicles": 2 } */
              moved: {
                [key: string]: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customers who already have this phone (any format) or email: the live duplicate warning */
    get: {
      parameters: {
        query?: {
          email?: string;
          /** @description UUIDv7 identifier */
          excludeId?: string;
          /** @description Any format, as typed */
          phone?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @enum {string} */
                matchedOn: 'phone' | 'email';
                name: string;
                /** @description The normalized phone (E.164) or email both customers share */
                value: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything on the shop floor: paired devices and the bay TVs' display tokens */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                badMessages: number;
                bayId: string | null;
                bayName: string | null;
                /** Format: date-time */
                createdAt: string;
                firmware: string | null;
                id: string;
                /**
                 * @description bay-sensor, obd-dongle, label-printer, kiosk or display
                 * @enum {string}
                 */
                kind: 'bay-sensor' | 'obd-dongle' | 'label-printer' | 'kiosk' | 'display' | 'home-assistant';
                lastError: string | null;
                /** Format: date-time */
                lastErrorAt: string | null;
                lastRefusal: string | null;
                /** Format: date-time */
                lastRefusalAt: string | null;
                /** Format: date-time */
                lastSeenAt: string | null;
                model: string | null;
                name: string;
                online: boolean;
                refusals: number;
                /** Format: date-time */
                revokedAt: string | null;
                /** @enum {string} */
                source: 'mqtt' | 'display-token';
                version: number;
              }[];
              unknownClients: {
                address: string;
                lastRefusal: string;
                /** Format: date-time */
                lastRefusalAt: string;
                refusals: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Pair a device: its credentials and pairing string (the password is shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            bayId?: string | null;
            /**
             * @description bay-sensor, obd-dongle, label-printer, kiosk or display
             * @enum {string}
             */
            kind: 'bay-sensor' | 'obd-dongle' | 'label-printer' | 'kiosk' | 'display' | 'home-assistant';
            name: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                badMessages: number;
                bayId: string | null;
                bayName: string | null;
                /** Format: date-time */
                createdAt: string;
                firmware: string | null;
                id: string;
                /**
                 * @description bay-sensor, obd-dongle, label-printer, kiosk or display
                 * @enum {string}
                 */
                kind: 'bay-sensor' | 'obd-dongle' | 'label-printer' | 'kiosk' | 'display' | 'home-assistant';
                lastError: string | null;
                /** Format: date-time */
                lastErrorAt: string | null;
                lastRefusal: string | null;
                /** Format: date-time */
                lastRefusalAt: string | null;
                /** Format: date-time */
                lastSeenAt: string | null;
                model: string | null;
                name: string;
                online: boolean;
                refusals: number;
                /** Format: date-time */
                revokedAt: string | null;
                /** @enum {string} */
                source: 'mqtt' | 'display-token';
                version: number;
              };
              pairing: {
                bayId: string | null;
                caSha256: string | null;
                clientId: string;
                deviceId: string;
                host: string;
                /**
                 * @description bay-sensor, obd-dongle, label-printer, kiosk or display
                 * @enum {string}
                 */
                kind: 'bay-sensor' | 'obd-dongle' | 'label-printer' | 'kiosk' | 'display' | 'home-assistant';
                password: string;
                port: number | null;
                tlsPort: number | null;
                username: string;
                /** @enum {number} */
                v: 1;
              };
              /** @description The pairing as JSON text: the QR code content */
              pairingText: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a device or move it to another bay (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            bayId?: string | null;
            name?: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              badMessages: number;
              bayId: string | null;
              bayName: string | null;
              /** Format: date-time */
              createdAt: string;
              firmware: string | null;
              id: string;
              /**
               * @description bay-sensor, obd-dongle, label-printer, kiosk or display
               * @enum {string}
               */
              kind: 'bay-sensor' | 'obd-dongle' | 'label-printer' | 'kiosk' | 'display' | 'home-assistant';
              lastError: string | null;
              /** Format: date-time */
              lastErrorAt: string | null;
              lastRefusal: string | null;
              /** Format: date-time */
              lastRefusalAt: string | null;
              /** Format: date-time */
              lastSeenAt: string | null;
              model: string | null;
              name: string;
              online: boolean;
              refusals: number;
              /** Format: date-time */
              revokedAt: string | null;
              /** @enum {string} */
              source: 'mqtt' | 'display-token';
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/devices/{id}/kiosk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A kiosk device's pairing state, label printer and pending code */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              codeExpiresAt: string | null;
              labelPrinterDeviceId: string | null;
              paired: boolean;
              pairedAt: string | null;
            };
          };
        };
      };
    };
    /** Set the kiosk's label printer (its key tags print there), or none */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A label printer (device of kind label-printer), or null for none */
            labelPrinterDeviceId: string | null;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              codeExpiresAt: string | null;
              labelPrinterDeviceId: string | null;
              paired: boolean;
              pairedAt: string | null;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices/{id}/kiosk-pairing-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A pairing code for a kiosk tablet (8 digits, 10 minutes, single use; replaces an unused one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description 8 digits; shown 4-4 */
              code: string;
              /** Format: date-time */
              expiresAt: string;
              /** @description <origin>/kiosk?pair=<code>: the QR code the tablet scans */
              pairUrl: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new password for a device (the old one stops working; its connection is dropped) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                badMessages: number;
                bayId: string | null;
                bayName: string | null;
                /** Format: date-time */
                createdAt: string;
                firmware: string | null;
                id: string;
                /**
                 * @description bay-sensor, obd-dongle, label-printer, kiosk or display
                 * @enum {string}
                 */
                kind: 'bay-sensor' | 'obd-dongle' | 'label-printer' | 'kiosk' | 'display' | 'home-assistant';
                lastError: string | null;
                /** Format: date-time */
                lastErrorAt: string | null;
                lastRefusal: string | null;
                /** Format: date-time */
                lastRefusalAt: string | null;
                /** Format: date-time */
                lastSeenAt: string | null;
                model: string | null;
                name: string;
                online: boolean;
                refusals: number;
                /** Format: date-time */
                revokedAt: string | null;
                /** @enum {string} */
                source: 'mqtt' | 'display-token';
                version: number;
              };
              pairing: {
                bayId: string | null;
                caSha256: string | null;
                clientId: string;
                deviceId: string;
                host: string;
                /**
                 * @description bay-sensor, obd-dongle, label-printer, kiosk or display
                 * @enum {string}
                 */
                kind: 'bay-sensor' | 'obd-dongle' | 'label-printer' | 'kiosk' | 'display' | 'home-assistant';
                password: string;
                port: number | null;
                tlsPort: number | null;
                username: string;
                /** @enum {number} */
                v: 1;
              };
              /** @description The pairing as JSON text: the QR code content */
              pairingText: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a device: disconnected at once and refused from then on */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              badMessages: number;
              bayId: string | null;
              bayName: string | null;
              /** Format: date-time */
              createdAt: string;
              firmware: string | null;
              id: string;
              /**
               * @description bay-sensor, obd-dongle, label-printer, kiosk or display
               * @enum {string}
               */
              kind: 'bay-sensor' | 'obd-dongle' | 'label-printer' | 'kiosk' | 'display' | 'home-assistant';
              lastError: string | null;
              /** Format: date-time */
              lastErrorAt: string | null;
              lastRefusal: string | null;
              /** Format: date-time */
              lastRefusalAt: string | null;
              /** Format: date-time */
              lastSeenAt: string | null;
              model: string | null;
              name: string;
              online: boolean;
              refusals: number;
              /** Format: date-time */
              revokedAt: string | null;
              /** @enum {string} */
              source: 'mqtt' | 'display-token';
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/devices/broker': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The MQTT broker's ports, whether each listens, and the CA fingerprint devices pin */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mqtt: {
                error: string | null;
                host: string;
                listening: boolean;
                port: number | null;
              };
              mqtts: {
                caSha256: string | null;
                error: string | null;
                listening: boolean;
                port: number | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/display-tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Display tokens for the bay TVs */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                createdBy: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lastUsedAt: string | null;
                name: string;
                revokedAt: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a display token (the token is shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Where the screen is, e.g. "TV over bays 1-3" */
            name: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              createdBy: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lastUsedAt: string | null;
              name: string;
              revokedAt: string | null;
            } & {
              /** @description Shown once. Open /display?token=<token> on the TV. */
              token: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/display-tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a display token */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/display/board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bay TV board (display token or staff): one card per bay */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bays: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @description In progress and blocked first, then what is next */
                jobs: {
                  blockedReason: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  overdue: boolean;
                  promisedAt: string | null;
                  repairOrderNumber: number;
                  status: string;
                  statusChangedAt: string | null;
                  technicianName: string | null;
                  title: string;
                  vehicleSummary: string;
                }[];
                name: string;
                /** @description What the bay sensors say (all false / null in a bay without one) */
                sensor: {
                  /** @description A bay sensor is placed in this bay */
                  hasSensor: boolean;
                  /** @description A car is in the bay and no job is placed in it */
                  noJobPlaced: boolean;
                  occupied: boolean;
                  /** @description The bay's job passed its book hours */
                  overrun: boolean;
                  sensorOffline: boolean;
                  /** @description When the car now in the bay came in */
                  since: string | null;
                };
              }[];
              /** Format: date-time */
              generatedAt: string;
              shopName: string;
              /** @description The shop's IANA time zone: the TV shows its clock and times on the shop's clock */
              timeZone: string;
              /** @description Open jobs not yet in a bay */
              waiting: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and database check */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              db: 'ok' | 'error';
              /** @description Off-site replication of the database (never makes the check fail) */
              replication: {
                lagSeconds: number | null;
                lastSyncAt: string | null;
                state: 'off' | 'starting' | 'replicating' | 'error';
                warning: string | null;
              };
              status: 'ok' | 'degraded';
              /** @description Whether ASE can save (the data folder's disk); full or read-only makes the check fail */
              storage: {
                /** @description The last small write to the database was committed */
                databaseWritable: boolean;
                freeBytes: number | null;
                /** @description low: saves, but free space is under the warning threshold; full, read-only, error: cannot save */
                state: 'ok' | 'low' | 'full' | 'read-only' | 'error';
                totalBytes: number | null;
                /** @description The reason, for the owner's banner (e.g. the disk is full: 0 bytes free; ASE cannot save anything) */
                warning: string | null;
                writeCheckedAt: string | null;
              };
              uptimeSeconds: number;
              version: string;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              db: 'ok' | 'error';
              /** @description Off-site replication of the database (never makes the check fail) */
              replication: {
                lagSeconds: number | null;
                lastSyncAt: string | null;
                state: 'off' | 'starting' | 'replicating' | 'error';
                warning: string | null;
              };
              status: 'ok' | 'degraded';
              /** @description Whether ASE can save (the data folder's disk); full or read-only makes the check fail */
              storage: {
                /** @description The last small write to the database was committed */
                databaseWritable: boolean;
                freeBytes: number | null;
                /** @description low: saves, but free space is under the warning threshold; full, read-only, error: cannot save */
                state: 'ok' | 'low' | 'full' | 'read-only' | 'error';
                totalBytes: number | null;
                /** @description The reason, for the owner's banner (e.g. the disk is full: 0 bytes free; ASE cannot save anything) */
                warning: string | null;
                writeCheckedAt: string | null;
              };
              uptimeSeconds: number;
              version: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspection-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inspection templates by name (the multi-point one is made when there is none) */
    get: {
      parameters: {
        query: {
          includeInactive: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                sections: {
                  items: {
                    /**
                     * Format: uuid
                     * @description Recommended job made from this canned job.
                     */
                    cannedJobId?: string | null;
                    /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                    key: string;
                    label: string;
                    /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                    measurementUnit?: string | null;
                    /**
                     * @description Completing needs a rating for this item.
                     * @default false
                     */
                    required: boolean;
                    thresholds?: {
                      /** @description A measurement below this suggests red. */
                      redBelow?: number;
                      /** @description A measurement below this suggests yellow. */
                      yellowBelow?: number;
                    } | null;
                  }[];
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  title: string;
                }[];
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create an inspection template (sections → items) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            sections: {
              items: {
                /**
                 * Format: uuid
                 * @description Recommended job made from this canned job.
                 */
                cannedJobId?: string | null;
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                label: string;
                /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                measurementUnit?: string | null;
                /**
                 * @description Completing needs a rating for this item.
                 * @default false
                 */
                required: boolean;
                thresholds?: {
                  /** @description A measurement below this suggests red. */
                  redBelow?: number;
                  /** @description A measurement below this suggests yellow. */
                  yellowBelow?: number;
                } | null;
              }[];
              /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
              key: string;
              title: string;
            }[];
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              sections: {
                items: {
                  /**
                   * Format: uuid
                   * @description Recommended job made from this canned job.
                   */
                  cannedJobId?: string | null;
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  label: string;
                  /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                  measurementUnit?: string | null;
                  /**
                   * @description Completing needs a rating for this item.
                   * @default false
                   */
                  required: boolean;
                  thresholds?: {
                    /** @description A measurement below this suggests red. */
                    redBelow?: number;
                    /** @description A measurement below this suggests yellow. */
                    yellowBelow?: number;
                  } | null;
                }[];
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                title: string;
              }[];
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspection-templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One inspection template */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              sections: {
                items: {
                  /**
                   * Format: uuid
                   * @description Recommended job made from this canned job.
                   */
                  cannedJobId?: string | null;
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  label: string;
                  /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                  measurementUnit?: string | null;
                  /**
                   * @description Completing needs a rating for this item.
                   * @default false
                   */
                  required: boolean;
                  thresholds?: {
                    /** @description A measurement below this suggests red. */
                    redBelow?: number;
                    /** @description A measurement below this suggests yellow. */
                    yellowBelow?: number;
                  } | null;
                }[];
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                title: string;
              }[];
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a template (archived instead when inspections were made from it) */
    delete: {
      parameters: {
        query?: {
          /** @description The version you last read; a stale version gets 409 with the current one. */
          version?: number;
        };
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a template (send the version you read); inspections already started keep their copy */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            name?: string;
            sections?: {
              items: {
                /**
                 * Format: uuid
                 * @description Recommended job made from this canned job.
                 */
                cannedJobId?: string | null;
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                label: string;
                /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                measurementUnit?: string | null;
                /**
                 * @description Completing needs a rating for this item.
                 * @default false
                 */
                required: boolean;
                thresholds?: {
                  /** @description A measurement below this suggests red. */
                  redBelow?: number;
                  /** @description A measurement below this suggests yellow. */
                  yellowBelow?: number;
                } | null;
              }[];
              /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
              key: string;
              title: string;
            }[];
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              sections: {
                items: {
                  /**
                   * Format: uuid
                   * @description Recommended job made from this canned job.
                   */
                  cannedJobId?: string | null;
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  label: string;
                  /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                  measurementUnit?: string | null;
                  /**
                   * @description Completing needs a rating for this item.
                   * @default false
                   */
                  required: boolean;
                  thresholds?: {
                    /** @description A measurement below this suggests red. */
                    redBelow?: number;
                    /** @description A measurement below this suggests yellow. */
                    yellowBelow?: number;
                  } | null;
                }[];
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                title: string;
              }[];
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/inspections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent inspections with their repair order and vehicle (the floor’s list) */
    get: {
      parameters: {
        query: {
          limit: number;
          status?: 'in_progress' | 'completed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                counts: {
                  green: number;
                  red: number;
                  unrated: number;
                  yellow: number;
                };
                customerName: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                mediaCount: number;
                name: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                /** @enum {string} */
                status: 'in_progress' | 'completed';
                /** Format: date-time */
                updatedAt: string;
                vehicleSummary: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One inspection with its sections, findings and media */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt: string | null;
              counts: {
                green: number;
                red: number;
                unrated: number;
                yellow: number;
              };
              /** Format: date-time */
              createdAt: string;
              findings: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string;
                measurement: {
                  unit: string | null;
                  value: number;
                } | null;
                note: string;
                /**
                 * @description green: ok · yellow: soon · red: now · null: not rated
                 * @enum {string|null}
                 */
                rating: 'green' | 'yellow' | 'red' | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                recommendedJobId: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              media: {
                byteSize: number;
                caption: string;
                /** Format: date-time */
                createdAt: string;
                /** @description GET /api/media/:hash serves the file */
                hash: string;
                height: number | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string | null;
                /** @enum {string} */
                kind: 'image' | 'video';
                mime: string;
                thumbnailHash: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                uploadedBy: string | null;
                width: number | null;
              }[];
              name: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** @description The template's sections as they were when the inspection started. */
              sections: {
                items: {
                  /**
                   * Format: uuid
                   * @description Recommended job made from this canned job.
                   */
                  cannedJobId?: string | null;
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  label: string;
                  /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                  measurementUnit?: string | null;
                  /**
                   * @description Completing needs a rating for this item.
                   * @default false
                   */
                  required: boolean;
                  thresholds?: {
                    /** @description A measurement below this suggests red. */
                    redBelow?: number;
                    /** @description A measurement below this suggests yellow. */
                    yellowBelow?: number;
                  } | null;
                }[];
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                title: string;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              startedBy: string | null;
              /** @enum {string} */
              status: 'in_progress' | 'completed';
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              templateId: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete the inspection (409 naming required items not rated yet) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt: string | null;
              counts: {
                green: number;
                red: number;
                unrated: number;
                yellow: number;
              };
              /** Format: date-time */
              createdAt: string;
              findings: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string;
                measurement: {
                  unit: string | null;
                  value: number;
                } | null;
                note: string;
                /**
                 * @description green: ok · yellow: soon · red: now · null: not rated
                 * @enum {string|null}
                 */
                rating: 'green' | 'yellow' | 'red' | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                recommendedJobId: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              media: {
                byteSize: number;
                caption: string;
                /** Format: date-time */
                createdAt: string;
                /** @description GET /api/media/:hash serves the file */
                hash: string;
                height: number | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string | null;
                /** @enum {string} */
                kind: 'image' | 'video';
                mime: string;
                thumbnailHash: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                uploadedBy: string | null;
                width: number | null;
              }[];
              name: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** @description The template's sections as they were when the inspection started. */
              sections: {
                items: {
                  /**
                   * Format: uuid
                   * @description Recommended job made from this canned job.
                   */
                  cannedJobId?: string | null;
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  label: string;
                  /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                  measurementUnit?: string | null;
                  /**
                   * @description Completing needs a rating for this item.
                   * @default false
                   */
                  required: boolean;
                  thresholds?: {
                    /** @description A measurement below this suggests red. */
                    redBelow?: number;
                    /** @description A measurement below this suggests yellow. */
                    yellowBelow?: number;
                  } | null;
                }[];
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                title: string;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              startedBy: string | null;
              /** @enum {string} */
              status: 'in_progress' | 'completed';
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              templateId: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{id}/findings/{itemKey}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rate an item, record its measurement and note (send the finding’s version) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
          /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
          itemKey: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description in the item’s unit */
            measurement?: number | null;
            note?: string;
            /**
             * @description green: ok · yellow: soon · red: now · null: not rated
             * @enum {string|null}
             */
            rating?: 'green' | 'yellow' | 'red' | null;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              itemKey: string;
              measurement: {
                unit: string | null;
                value: number;
              } | null;
              note: string;
              /**
               * @description green: ok · yellow: soon · red: now · null: not rated
               * @enum {string|null}
               */
              rating: 'green' | 'yellow' | 'red' | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              recommendedJobId: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/inspections/{id}/findings/{itemKey}/recommend-job': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a recommended job on the repair order from a yellow or red finding (once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
          /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
          itemKey: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              finding: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string;
                measurement: {
                  unit: string | null;
                  value: number;
                } | null;
                note: string;
                /**
                 * @description green: ok · yellow: soon · red: now · null: not rated
                 * @enum {string|null}
                 */
                rating: 'green' | 'yellow' | 'red' | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                recommendedJobId: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
              fromCannedJob: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              jobTitle: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{id}/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Attach a photo or short video: the body is the file itself, Content-Type image/* or video/* (mp4, mov, webm)
     * @description Images are decoded and re-encoded (longest side 2048 px, JPEG, EXIF/GPS removed) with a 320 px thumbnail; videos are checked by their container's structure (MP4/MOV ftyp box, WebM/Matroska EBML header) and size. A refused upload (400 not an image, 400 too many pixels, 413 too large, 415 not a video, 400 cut off midway) stores nothing.
     */
    post: {
      parameters: {
        query?: {
          caption?: string;
          /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
          itemKey?: string;
        };
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byteSize: number;
              caption: string;
              /** Format: date-time */
              createdAt: string;
              /** @description GET /api/media/:hash serves the file */
              hash: string;
              height: number | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              itemKey: string | null;
              /** @enum {string} */
              kind: 'image' | 'video';
              mime: string;
              thumbnailHash: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              uploadedBy: string | null;
              width: number | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{id}/media/{mediaId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a photo or video from the inspection */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
          /** @description UUIDv7 identifier */
          mediaId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reopen a completed inspection for changes */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt: string | null;
              counts: {
                green: number;
                red: number;
                unrated: number;
                yellow: number;
              };
              /** Format: date-time */
              createdAt: string;
              findings: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string;
                measurement: {
                  unit: string | null;
                  value: number;
                } | null;
                note: string;
                /**
                 * @description green: ok · yellow: soon · red: now · null: not rated
                 * @enum {string|null}
                 */
                rating: 'green' | 'yellow' | 'red' | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                recommendedJobId: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              media: {
                byteSize: number;
                caption: string;
                /** Format: date-time */
                createdAt: string;
                /** @description GET /api/media/:hash serves the file */
                hash: string;
                height: number | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string | null;
                /** @enum {string} */
                kind: 'image' | 'video';
                mime: string;
                thumbnailHash: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                uploadedBy: string | null;
                width: number | null;
              }[];
              name: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** @description The template's sections as they were when the inspection started. */
              sections: {
                items: {
                  /**
                   * Format: uuid
                   * @description Recommended job made from this canned job.
                   */
                  cannedJobId?: string | null;
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  label: string;
                  /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                  measurementUnit?: string | null;
                  /**
                   * @description Completing needs a rating for this item.
                   * @default false
                   */
                  required: boolean;
                  thresholds?: {
                    /** @description A measurement below this suggests red. */
                    redBelow?: number;
                    /** @description A measurement below this suggests yellow. */
                    yellowBelow?: number;
                  } | null;
                }[];
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                title: string;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              startedBy: string | null;
              /** @enum {string} */
              status: 'in_progress' | 'completed';
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              templateId: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/bin-labels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Print bin labels for inventory items */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            itemIds: string[];
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            printerId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** @enum {string} */
              kind: 'key-tag' | 'oil-sticker' | 'bin-labels';
              lastError: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** Format: date-time */
              printedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              printerDeviceId: string;
              printerName: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              reprintOf: string | null;
              /** @enum {string} */
              status: 'queued' | 'printing' | 'printed' | 'failed';
              summary: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock items by SKU, searchable by SKU, name, vendor part number or bin; lowStock=true for items at or below reorder level */
    get: {
      parameters: {
        query?: {
          includeInactive?: boolean;
          limit?: number;
          /** @description only items at or below their reorder level */
          lowStock?: boolean;
          /** @description part of the SKU, name, vendor part number or bin */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                binLocation: string | null;
                coreChargeCents: number;
                costPriceCents: number;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                quantityAvailable: number;
                quantityOnHand: number;
                quantityReserved: number;
                reorderLevel: number;
                sellPriceCents: number;
                sku: string;
                taxable: boolean;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vendorId: string | null;
                vendorPartNumber: string | null;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a stock item (opening stock becomes a count movement) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            binLocation?: string | null;
            coreChargeCents?: number;
            costPriceCents?: number;
            name: string;
            quantityOnHand?: number;
            reorderLevel?: number;
            sellPriceCents?: number;
            sku: string;
            taxable?: boolean;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            vendorId?: string | null;
            vendorPartNumber?: string | null;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              binLocation: string | null;
              coreChargeCents: number;
              costPriceCents: number;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              quantityAvailable: number;
              quantityOnHand: number;
              quantityReserved: number;
              reorderLevel: number;
              sellPriceCents: number;
              sku: string;
              taxable: boolean;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vendorId: string | null;
              vendorPartNumber: string | null;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One stock item with on hand, reserved and available */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              binLocation: string | null;
              coreChargeCents: number;
              costPriceCents: number;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              quantityAvailable: number;
              quantityOnHand: number;
              quantityReserved: number;
              reorderLevel: number;
              sellPriceCents: number;
              sku: string;
              taxable: boolean;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vendorId: string | null;
              vendorPartNumber: string | null;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change an item (not its stock: post a movement) — send the version you read */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            binLocation?: string | null;
            coreChargeCents?: number;
            costPriceCents?: number;
            name?: string;
            reorderLevel?: number;
            sellPriceCents?: number;
            sku?: string;
            taxable?: boolean;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            vendorId?: string | null;
            vendorPartNumber?: string | null;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              binLocation: string | null;
              coreChargeCents: number;
              costPriceCents: number;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              quantityAvailable: number;
              quantityOnHand: number;
              quantityReserved: number;
              reorderLevel: number;
              sellPriceCents: number;
              sku: string;
              taxable: boolean;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vendorId: string | null;
              vendorPartNumber: string | null;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/inventory/items/{id}/movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An item's stock-movement ledger, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actorName: string | null;
                actorUserId: string | null;
                /** Format: date-time */
                at: string;
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string | null;
                /** @enum {string} */
                kind: 'receive' | 'issue' | 'return' | 'adjust' | 'count';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineItemId: string | null;
                overrideReason: string | null;
                /** @description signed whole units: + into stock, − out */
                quantity: number;
                quantityAfter: number;
                reason: string | null;
                unitCostCents: number | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Receive, return, adjust (with a reason) or count stock — send the item version you read */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'receive' | 'return' | 'adjust' | 'count';
            overrideReason?: string;
            quantity: number;
            reason?: string;
            unitCostCents?: number;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              item: {
                active: boolean;
                binLocation: string | null;
                coreChargeCents: number;
                costPriceCents: number;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                quantityAvailable: number;
                quantityOnHand: number;
                quantityReserved: number;
                reorderLevel: number;
                sellPriceCents: number;
                sku: string;
                taxable: boolean;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vendorId: string | null;
                vendorPartNumber: string | null;
                version: number;
              };
              movement: {
                actorName: string | null;
                actorUserId: string | null;
                /** Format: date-time */
                at: string;
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string | null;
                /** @enum {string} */
                kind: 'receive' | 'issue' | 'return' | 'adjust' | 'count';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineItemId: string | null;
                overrideReason: string | null;
                /** @description signed whole units: + into stock, − out */
                quantity: number;
                quantityAfter: number;
                reason: string | null;
                unitCostCents: number | null;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/items/{id}/receive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive an item at the shelf: quantity and unit cost, optionally against a purchase order (its line for the item); moving-average cost and matrix price as a PO receipt — send the item version you read */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            confirmOverReceipt?: boolean;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            purchaseOrderId?: string;
            quantity: number;
            reason?: string;
            unitCostCents?: number;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              item: {
                active: boolean;
                binLocation: string | null;
                coreChargeCents: number;
                costPriceCents: number;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                quantityAvailable: number;
                quantityOnHand: number;
                quantityReserved: number;
                reorderLevel: number;
                sellPriceCents: number;
                sku: string;
                taxable: boolean;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vendorId: string | null;
                vendorPartNumber: string | null;
                version: number;
              };
              movement: {
                actorName: string | null;
                actorUserId: string | null;
                /** Format: date-time */
                at: string;
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string | null;
                /** @enum {string} */
                kind: 'receive' | 'issue' | 'return' | 'adjust' | 'count';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineItemId: string | null;
                overrideReason: string | null;
                /** @description signed whole units: + into stock, − out */
                quantity: number;
                quantityAfter: number;
                reason: string | null;
                unitCostCents: number | null;
              };
              purchaseOrder: {
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lines: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  itemId: string;
                  name: string;
                  quantityOrdered: number;
                  quantityReceived: number;
                  sku: string;
                  unitCostCents: number;
                }[];
                notes: string;
                number: number;
                /** Format: date-time */
                orderedAt: string | null;
                /** @enum {string} */
                status: 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';
                totalCents: number;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vendorId: string;
                vendorName: string;
                version: number;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/ledger-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every item's (or one item's) quantity on hand against the sum of its ledger */
    get: {
      parameters: {
        query?: {
          /** @description UUIDv7 identifier */
          itemId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              itemsChecked: number;
              mismatches: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                ledgerSum: number;
                quantityOnHand: number;
                sku: string;
              }[];
              ok: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/pricing-matrix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pricing matrix: markup tiers by cost */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              tiers: {
                markupBasisPoints: number;
                minCostCents: number;
              }[];
            };
          };
        };
      };
    };
    /** Replace the pricing matrix (a tier covers costs from its minimum up to the next one) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            tiers: {
              /** @description 10000 = +100 % */
              markupBasisPoints: number;
              minCostCents: number;
            }[];
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              tiers: {
                markupBasisPoints: number;
                minCostCents: number;
              }[];
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/pricing-matrix/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the pricing matrix sells a part of this cost for, and the tier that prices it */
    get: {
      parameters: {
        query: {
          costCents: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              costCents: number;
              sellPriceCents: number | null;
              tier: {
                markupBasisPoints: number;
                minCostCents: number;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/purchase-orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Purchase orders, newest first, optionally by status */
    get: {
      parameters: {
        query?: {
          status?: 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lines: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  itemId: string;
                  name: string;
                  quantityOrdered: number;
                  quantityReceived: number;
                  sku: string;
                  unitCostCents: number;
                }[];
                notes: string;
                number: number;
                /** Format: date-time */
                orderedAt: string | null;
                /** @enum {string} */
                status: 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';
                totalCents: number;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vendorId: string;
                vendorName: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Draft a purchase order to a vendor */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            lines: {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              itemId: string;
              quantity: number;
              unitCostCents: number;
            }[];
            notes?: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            vendorId: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                name: string;
                quantityOrdered: number;
                quantityReceived: number;
                sku: string;
                unitCostCents: number;
              }[];
              notes: string;
              number: number;
              /** Format: date-time */
              orderedAt: string | null;
              /** @enum {string} */
              status: 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';
              totalCents: number;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vendorId: string;
              vendorName: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/purchase-orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One purchase order with its lines */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                name: string;
                quantityOrdered: number;
                quantityReceived: number;
                sku: string;
                unitCostCents: number;
              }[];
              notes: string;
              number: number;
              /** Format: date-time */
              orderedAt: string | null;
              /** @enum {string} */
              status: 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';
              totalCents: number;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vendorId: string;
              vendorName: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/purchase-orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a purchase order nothing was received on */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                name: string;
                quantityOrdered: number;
                quantityReceived: number;
                sku: string;
                unitCostCents: number;
              }[];
              notes: string;
              number: number;
              /** Format: date-time */
              orderedAt: string | null;
              /** @enum {string} */
              status: 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';
              totalCents: number;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vendorId: string;
              vendorName: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/purchase-orders/{id}/order': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a draft purchase order as sent to the vendor */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                name: string;
                quantityOrdered: number;
                quantityReceived: number;
                sku: string;
                unitCostCents: number;
              }[];
              notes: string;
              number: number;
              /** Format: date-time */
              orderedAt: string | null;
              /** @enum {string} */
              status: 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';
              totalCents: number;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vendorId: string;
              vendorName: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/purchase-orders/{id}/receive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive parts: stock, moving-average cost and matrix price (confirmOverReceipt for more than ordered) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            confirmOverReceipt?: boolean;
            lines: {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              lineId: string;
              quantity: number;
            }[];
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                name: string;
                quantityOrdered: number;
                quantityReceived: number;
                sku: string;
                unitCostCents: number;
              }[];
              notes: string;
              number: number;
              /** Format: date-time */
              orderedAt: string | null;
              receivedItems: {
                costPriceCents: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                quantityOnHand: number;
                sellPriceCents: number;
                sku: string;
                version: number;
              }[];
              /** @enum {string} */
              status: 'draft' | 'ordered' | 'partially_received' | 'received' | 'cancelled';
              totalCents: number;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vendorId: string;
              vendorName: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/reorder-suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Items at or below their reorder level, with vendor and a suggested quantity */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                costPriceCents: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                itemId: string;
                name: string;
                quantityOnHand: number;
                quantityReserved: number;
                reorderLevel: number;
                sku: string;
                suggestedQuantity: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vendorId: string | null;
                vendorName: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/vendors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Parts vendors */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                accountNumber: string | null;
                active: boolean;
                contactName: string | null;
                /** Format: date-time */
                createdAt: string;
                email: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                notes: string;
                phone: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a vendor */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            accountNumber?: string | null;
            contactName?: string | null;
            /** Format: email */
            email?: string | null;
            name: string;
            notes?: string;
            phone?: string | null;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountNumber: string | null;
              active: boolean;
              contactName: string | null;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              notes: string;
              phone: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/vendors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a vendor (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            accountNumber?: string | null;
            active?: boolean;
            contactName?: string | null;
            /** Format: email */
            email?: string | null;
            name?: string;
            notes?: string;
            phone?: string | null;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountNumber: string | null;
              active: boolean;
              contactName: string | null;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              notes: string;
              phone: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/invoices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invoices, newest first, by repair order, customer or status */
    get: {
      parameters: {
        query: {
          /** @description UUIDv7 identifier */
          customerId?: string;
          limit: number;
          /** @description UUIDv7 identifier */
          repairOrderId?: string;
          status?: 'issued' | 'paid' | 'void';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description total − credited − paid */
                balanceCents: number;
                creditedCents: number;
                creditNotes: {
                  amountCents: number;
                  /** Format: date-time */
                  createdAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  reason: string;
                }[];
                customer: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  kind: string;
                  name: string;
                };
                discountCents: number;
                /** Format: date-time */
                dueAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** Format: date-time */
                issuedAt: string;
                lines: {
                  amountCents: number;
                  description: string;
                  discountCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  lineId: string;
                  quantity: number;
                  taxable: boolean;
                  unitPriceCents: number;
                }[];
                number: number;
                onAccount: boolean;
                /** Format: date-time */
                paidAt: string | null;
                /** @description Payments and applied deposits less refunds */
                paidCents: number;
                payments: {
                  amountCents: number;
                  cardReference: string | null;
                  checkNumber: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string | null;
                  /** @enum {string} */
                  kind: 'payment' | 'deposit' | 'refund';
                  /** @enum {string} */
                  method: 'cash' | 'card' | 'check';
                  reason: string | null;
                  /** Format: date-time */
                  receivedAt: string;
                  receivedBy: {
                    /**
                     * Format: uuid
                     * @description UUIDv7 identifier
                     */
                    id: string;
                    name: string;
                  } | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  refundOf: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  repairOrderId: string;
                  /** @enum {string} */
                  status: 'recorded' | 'void';
                  voidReason: string | null;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                shopSuppliesCents: number;
                /** @enum {string} */
                status: 'issued' | 'paid' | 'void';
                subtotalCents: number;
                subtotals: {
                  fee: number;
                  labor: number;
                  part: number;
                  sublet: number;
                };
                taxCents: number;
                taxes: {
                  fee: number;
                  labor: number;
                  part: number;
                  sublet: number;
                };
                totalCents: number;
                vehicle: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  licensePlate: string | null;
                  make: string | null;
                  model: string | null;
                  vin: string | null;
                  year: number | null;
                };
                version: number;
                /** Format: date-time */
                voidedAt: string | null;
                voidReason: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Issue the invoice of a repair order's approved work (locks the work, applies deposits) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A percentage (basis points) or an amount in cents */
            discount?:
              | {
                  /** @description 1000 = 10 % */
                  percentBp: number;
                }
              | {
                  /** @description Integer cents */
                  amountCents: number;
                };
            lineDiscounts?: {
              /** @description A percentage (basis points) or an amount in cents */
              discount:
                | {
                    /** @description 1000 = 10 % */
                    percentBp: number;
                  }
                | {
                    /** @description Integer cents */
                    amountCents: number;
                  };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              lineId: string;
            }[];
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            repairOrderId: string;
            /** @description One entry per job with recommended lines: required whenever there are any, so no recommendation is silently lost */
            undecidedJobs?: {
              /**
               * @description defer/decline: its recommended lines are recorded as the customer's decision; leave: they stay recommended on the repair order
               * @enum {string}
               */
              disposition: 'defer' | 'decline' | 'leave';
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              reason?: string;
            }[];
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description total − credited − paid */
              balanceCents: number;
              creditedCents: number;
              creditNotes: {
                amountCents: number;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string;
                number: number;
                reason: string;
              }[];
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                kind: string;
                name: string;
              };
              discountCents: number;
              /** Format: date-time */
              dueAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** Format: date-time */
              issuedAt: string;
              lines: {
                amountCents: number;
                description: string;
                discountCents: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                quantity: number;
                taxable: boolean;
                unitPriceCents: number;
              }[];
              number: number;
              onAccount: boolean;
              /** Format: date-time */
              paidAt: string | null;
              /** @description Payments and applied deposits less refunds */
              paidCents: number;
              payments: {
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                reason: string | null;
                /** Format: date-time */
                receivedAt: string;
                receivedBy: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                refundOf: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @enum {string} */
                status: 'recorded' | 'void';
                voidReason: string | null;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              shopSuppliesCents: number;
              /** @enum {string} */
              status: 'issued' | 'paid' | 'void';
              subtotalCents: number;
              subtotals: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              taxCents: number;
              taxes: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              totalCents: number;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              /** Format: date-time */
              voidedAt: string | null;
              voidReason: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invoices/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One invoice with lines, totals, payments, credit notes and balance (the print page reads this) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description total − credited − paid */
              balanceCents: number;
              creditedCents: number;
              creditNotes: {
                amountCents: number;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string;
                number: number;
                reason: string;
              }[];
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                kind: string;
                name: string;
              };
              discountCents: number;
              /** Format: date-time */
              dueAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** Format: date-time */
              issuedAt: string;
              lines: {
                amountCents: number;
                description: string;
                discountCents: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                quantity: number;
                taxable: boolean;
                unitPriceCents: number;
              }[];
              number: number;
              onAccount: boolean;
              /** Format: date-time */
              paidAt: string | null;
              /** @description Payments and applied deposits less refunds */
              paidCents: number;
              payments: {
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                reason: string | null;
                /** Format: date-time */
                receivedAt: string;
                receivedBy: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                refundOf: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @enum {string} */
                status: 'recorded' | 'void';
                voidReason: string | null;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              shopSuppliesCents: number;
              /** @enum {string} */
              status: 'issued' | 'paid' | 'void';
              subtotalCents: number;
              subtotals: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              taxCents: number;
              taxes: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              totalCents: number;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              /** Format: date-time */
              voidedAt: string | null;
              voidReason: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invoices/{id}/charge-to-account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Business and fleet customers: leave the balance on account, due after the terms */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default 30 */
            termsDays: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description total − credited − paid */
              balanceCents: number;
              creditedCents: number;
              creditNotes: {
                amountCents: number;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string;
                number: number;
                reason: string;
              }[];
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                kind: string;
                name: string;
              };
              discountCents: number;
              /** Format: date-time */
              dueAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** Format: date-time */
              issuedAt: string;
              lines: {
                amountCents: number;
                description: string;
                discountCents: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                quantity: number;
                taxable: boolean;
                unitPriceCents: number;
              }[];
              number: number;
              onAccount: boolean;
              /** Format: date-time */
              paidAt: string | null;
              /** @description Payments and applied deposits less refunds */
              paidCents: number;
              payments: {
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                reason: string | null;
                /** Format: date-time */
                receivedAt: string;
                receivedBy: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                refundOf: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @enum {string} */
                status: 'recorded' | 'void';
                voidReason: string | null;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              shopSuppliesCents: number;
              /** @enum {string} */
              status: 'issued' | 'paid' | 'void';
              subtotalCents: number;
              subtotals: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              taxCents: number;
              taxes: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              totalCents: number;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              /** Format: date-time */
              voidedAt: string | null;
              voidReason: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invoices/{id}/credit-notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct an invoice by a credit note (its own number); never below zero owed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Integer cents > 0 */
            amountCents: number;
            reason: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description total − credited − paid */
              balanceCents: number;
              creditedCents: number;
              creditNotes: {
                amountCents: number;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string;
                number: number;
                reason: string;
              }[];
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                kind: string;
                name: string;
              };
              discountCents: number;
              /** Format: date-time */
              dueAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** Format: date-time */
              issuedAt: string;
              lines: {
                amountCents: number;
                description: string;
                discountCents: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                quantity: number;
                taxable: boolean;
                unitPriceCents: number;
              }[];
              number: number;
              onAccount: boolean;
              /** Format: date-time */
              paidAt: string | null;
              /** @description Payments and applied deposits less refunds */
              paidCents: number;
              payments: {
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                reason: string | null;
                /** Format: date-time */
                receivedAt: string;
                receivedBy: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                refundOf: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @enum {string} */
                status: 'recorded' | 'void';
                voidReason: string | null;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              shopSuppliesCents: number;
              /** @enum {string} */
              status: 'issued' | 'paid' | 'void';
              subtotalCents: number;
              subtotals: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              taxCents: number;
              taxes: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              totalCents: number;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              /** Format: date-time */
              voidedAt: string | null;
              voidReason: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invoices/{id}/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the paper invoice carries: the invoice, shop registration numbers, odometer in/out, technicians and 3C, part numbers, declined work, warranty and legal text (the print page reads this) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customer: {
                emails: string[];
                name: string;
                phones: string[];
              };
              /** @description Recommended work the customer declined or put off: kept on paper, not lost */
              declined: {
                amountCents: number;
                description: string;
                jobTitle: string;
                /** @enum {string} */
                state: 'declined' | 'deferred';
              }[];
              invoice: {
                /** @description total − credited − paid */
                balanceCents: number;
                creditedCents: number;
                creditNotes: {
                  amountCents: number;
                  /** Format: date-time */
                  createdAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  reason: string;
                }[];
                customer: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  kind: string;
                  name: string;
                };
                discountCents: number;
                /** Format: date-time */
                dueAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** Format: date-time */
                issuedAt: string;
                lines: {
                  amountCents: number;
                  description: string;
                  discountCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  lineId: string;
                  quantity: number;
                  taxable: boolean;
                  unitPriceCents: number;
                }[];
                number: number;
                onAccount: boolean;
                /** Format: date-time */
                paidAt: string | null;
                /** @description Payments and applied deposits less refunds */
                paidCents: number;
                payments: {
                  amountCents: number;
                  cardReference: string | null;
                  checkNumber: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string | null;
                  /** @enum {string} */
                  kind: 'payment' | 'deposit' | 'refund';
                  /** @enum {string} */
                  method: 'cash' | 'card' | 'check';
                  reason: string | null;
                  /** Format: date-time */
                  receivedAt: string;
                  receivedBy: {
                    /**
                     * Format: uuid
                     * @description UUIDv7 identifier
                     */
                    id: string;
                    name: string;
                  } | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  refundOf: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  repairOrderId: string;
                  /** @enum {string} */
                  status: 'recorded' | 'void';
                  voidReason: string | null;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                shopSuppliesCents: number;
                /** @enum {string} */
                status: 'issued' | 'paid' | 'void';
                subtotalCents: number;
                subtotals: {
                  fee: number;
                  labor: number;
                  part: number;
                  sublet: number;
                };
                taxCents: number;
                taxes: {
                  fee: number;
                  labor: number;
                  part: number;
                  sublet: number;
                };
                totalCents: number;
                vehicle: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  licensePlate: string | null;
                  make: string | null;
                  model: string | null;
                  vin: string | null;
                  year: number | null;
                };
                version: number;
                /** Format: date-time */
                voidedAt: string | null;
                voidReason: string | null;
              };
              /** @description Invoiced jobs in repair-order order */
              jobs: {
                cause: string;
                concern: string;
                correction: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                lines: {
                  amountCents: number;
                  description: string;
                  discountCents: number;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  partNumber: string | null;
                  quantity: number;
                  unitPriceCents: number;
                }[];
                technicianName: string | null;
                title: string;
              }[];
              shop: {
                address: string;
                email: string;
                legalText: string;
                name: string;
                phone: string;
                registrationNumbers: {
                  label: string;
                  value: string;
                }[];
                warrantyText: string;
              };
              vehicle: {
                /** @description e.g. "2018 Honda Civic" */
                description: string;
                licensePlate: string | null;
                odometerIn: number | null;
                odometerOut: number | null;
                vin: string | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invoices/{id}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a payment (cash, card, check); never more than the balance. Idempotency-Key required */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Unique per intended payment: a retry with the same key returns the first result. */
          'idempotency-key'?: string;
        };
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Integer cents > 0 */
            amountCents: number;
            /** @description Card terminal reference */
            cardReference?: string;
            checkNumber?: string;
            /** @description Unique per intended payment: a retry with the same key returns the first result. */
            idempotencyKey?: string;
            /** @enum {string} */
            method: 'cash' | 'card' | 'check';
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              invoice: {
                /** @description total − credited − paid */
                balanceCents: number;
                creditedCents: number;
                creditNotes: {
                  amountCents: number;
                  /** Format: date-time */
                  createdAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  reason: string;
                }[];
                customer: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  kind: string;
                  name: string;
                };
                discountCents: number;
                /** Format: date-time */
                dueAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** Format: date-time */
                issuedAt: string;
                lines: {
                  amountCents: number;
                  description: string;
                  discountCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  lineId: string;
                  quantity: number;
                  taxable: boolean;
                  unitPriceCents: number;
                }[];
                number: number;
                onAccount: boolean;
                /** Format: date-time */
                paidAt: string | null;
                /** @description Payments and applied deposits less refunds */
                paidCents: number;
                payments: {
                  amountCents: number;
                  cardReference: string | null;
                  checkNumber: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string | null;
                  /** @enum {string} */
                  kind: 'payment' | 'deposit' | 'refund';
                  /** @enum {string} */
                  method: 'cash' | 'card' | 'check';
                  reason: string | null;
                  /** Format: date-time */
                  receivedAt: string;
                  receivedBy: {
                    /**
                     * Format: uuid
                     * @description UUIDv7 identifier
                     */
                    id: string;
                    name: string;
                  } | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  refundOf: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  repairOrderId: string;
                  /** @enum {string} */
                  status: 'recorded' | 'void';
                  voidReason: string | null;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                shopSuppliesCents: number;
                /** @enum {string} */
                status: 'issued' | 'paid' | 'void';
                subtotalCents: number;
                subtotals: {
                  fee: number;
                  labor: number;
                  part: number;
                  sublet: number;
                };
                taxCents: number;
                taxes: {
                  fee: number;
                  labor: number;
                  part: number;
                  sublet: number;
                };
                totalCents: number;
                vehicle: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  licensePlate: string | null;
                  make: string | null;
                  model: string | null;
                  vin: string | null;
                  year: number | null;
                };
                version: number;
                /** Format: date-time */
                voidedAt: string | null;
                voidReason: string | null;
              };
              payment: {
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                reason: string | null;
                /** Format: date-time */
                receivedAt: string;
                receivedBy: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                refundOf: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @enum {string} */
                status: 'recorded' | 'void';
                voidReason: string | null;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invoices/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The invoice as a PDF */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invoices/{id}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund (part of) a payment of this invoice, with a reason. Idempotency-Key required */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Unique per intended payment: a retry with the same key returns the first result. */
          'idempotency-key'?: string;
        };
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Integer cents > 0 */
            amountCents: number;
            /** @description Unique per intended payment: a retry with the same key returns the first result. */
            idempotencyKey?: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            paymentId: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              invoice: {
                /** @description total − credited − paid */
                balanceCents: number;
                creditedCents: number;
                creditNotes: {
                  amountCents: number;
                  /** Format: date-time */
                  createdAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  number: number;
                  reason: string;
                }[];
                customer: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  kind: string;
                  name: string;
                };
                discountCents: number;
                /** Format: date-time */
                dueAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** Format: date-time */
                issuedAt: string;
                lines: {
                  amountCents: number;
                  description: string;
                  discountCents: number;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  lineId: string;
                  quantity: number;
                  taxable: boolean;
                  unitPriceCents: number;
                }[];
                number: number;
                onAccount: boolean;
                /** Format: date-time */
                paidAt: string | null;
                /** @description Payments and applied deposits less refunds */
                paidCents: number;
                payments: {
                  amountCents: number;
                  cardReference: string | null;
                  checkNumber: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string | null;
                  /** @enum {string} */
                  kind: 'payment' | 'deposit' | 'refund';
                  /** @enum {string} */
                  method: 'cash' | 'card' | 'check';
                  reason: string | null;
                  /** Format: date-time */
                  receivedAt: string;
                  receivedBy: {
                    /**
                     * Format: uuid
                     * @description UUIDv7 identifier
                     */
                    id: string;
                    name: string;
                  } | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  refundOf: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  repairOrderId: string;
                  /** @enum {string} */
                  status: 'recorded' | 'void';
                  voidReason: string | null;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                shopSuppliesCents: number;
                /** @enum {string} */
                status: 'issued' | 'paid' | 'void';
                subtotalCents: number;
                subtotals: {
                  fee: number;
                  labor: number;
                  part: number;
                  sublet: number;
                };
                taxCents: number;
                taxes: {
                  fee: number;
                  labor: number;
                  part: number;
                  sublet: number;
                };
                totalCents: number;
                vehicle: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  licensePlate: string | null;
                  make: string | null;
                  model: string | null;
                  vin: string | null;
                  year: number | null;
                };
                version: number;
                /** Format: date-time */
                voidedAt: string | null;
                voidReason: string | null;
              };
              payment: {
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                reason: string | null;
                /** Format: date-time */
                receivedAt: string;
                receivedBy: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                refundOf: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @enum {string} */
                status: 'recorded' | 'void';
                voidReason: string | null;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invoices/{id}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void an invoice with nothing paid on it (the repair order reopens) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Unique per intended payment: a retry with the same key returns the first result. */
            idempotencyKey?: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description total − credited − paid */
              balanceCents: number;
              creditedCents: number;
              creditNotes: {
                amountCents: number;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string;
                number: number;
                reason: string;
              }[];
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                kind: string;
                name: string;
              };
              discountCents: number;
              /** Format: date-time */
              dueAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** Format: date-time */
              issuedAt: string;
              lines: {
                amountCents: number;
                description: string;
                discountCents: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                quantity: number;
                taxable: boolean;
                unitPriceCents: number;
              }[];
              number: number;
              onAccount: boolean;
              /** Format: date-time */
              paidAt: string | null;
              /** @description Payments and applied deposits less refunds */
              paidCents: number;
              payments: {
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                reason: string | null;
                /** Format: date-time */
                receivedAt: string;
                receivedBy: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                refundOf: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @enum {string} */
                status: 'recorded' | 'void';
                voidReason: string | null;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              shopSuppliesCents: number;
              /** @enum {string} */
              status: 'issued' | 'paid' | 'void';
              subtotalCents: number;
              subtotals: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              taxCents: number;
              taxes: {
                fee: number;
                labor: number;
                part: number;
                sublet: number;
              };
              totalCents: number;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              /** Format: date-time */
              voidedAt: string | null;
              voidReason: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The job board: every job not yet Paid on an open repair order */
    get: {
      parameters: {
        query?: {
          /** @description UUIDv7 identifier */
          bayId?: string;
          status?: ('Pending' | 'In_Progress' | 'Blocked' | 'Completed')[];
          /** @description UUIDv7 identifier */
          technicianId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                bay: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                blockedReason: string | null;
                completion: {
                  /** @enum {string} */
                  ask: 'required' | 'asked' | 'off';
                  missing: ('cause' | 'correction')[];
                };
                customer: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                };
                /** Format: date-time */
                estimatedEnd: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @description Promised time has passed and the job is not completed */
                overdue: boolean;
                /** Format: date-time */
                promisedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                /** Format: date-time */
                scheduledStart: string | null;
                /** @enum {string} */
                status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed';
                /** Format: date-time */
                statusChangedAt: string | null;
                technician: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                title: string;
                vehicle: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  licensePlate: string | null;
                  make: string | null;
                  model: string | null;
                  vin: string | null;
                  year: number | null;
                };
                /** @description e.g. "2018 Honda Civic · ABC1234" */
                vehicleSummary: string;
                version: number;
                waiter: boolean;
                /** @description Work follows approval: what the status change will allow for this job */
                workGate: {
                  /** @description May move to Completed */
                  complete: boolean;
                  /** @description Why a move is held, or what the diagnosis allowance leaves */
                  reason: string | null;
                  /** @description May move to In_Progress (start, resume) */
                  start: boolean;
                  /** @enum {string} */
                  state: 'approved' | 'diagnosis' | 'approval-required' | 'diagnosis-time-used';
                };
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One job with its lines */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              actualEnd: string | null;
              /** Format: date-time */
              actualStart: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              bayId: string | null;
              bayName: string | null;
              blockedReason: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              cannedJobId: string | null;
              cause: string;
              concern: string;
              correction: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              estimatedEnd: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /** @description round-half-up(quantity × unit price) */
                amountCents: number;
                /** Format: date-time */
                approvalAt: string | null;
                /** @description Who decided: the customer, or who took the call */
                approvalBy: string | null;
                /** @enum {string|null} */
                approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
                approvalReason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                approvalRecordedBy: string | null;
                /** @enum {string} */
                approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
                /** Format: date-time */
                createdAt: string;
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                inventoryItemId: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                partNumber: string | null;
                quantity: number;
                sortOrder: number;
                taxable: boolean;
                unitCostCents: number;
                unitPriceCents: number;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              /** Format: date-time */
              scheduledStart: string | null;
              sortOrder: number;
              /** @enum {string} */
              status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
              /** Format: date-time */
              statusChangedAt: string | null;
              subtotals: {
                /** @description approved lines, before fees and tax */
                approvedCents: number;
                /** @description recommended + approved lines, before fees and tax */
                estimateCents: number;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              technicianName: string | null;
              title: string;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vehicleId: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a job: only while Pending with no approved lines */
    delete: {
      parameters: {
        query?: {
          /** @description The version you last read; a stale version gets 409 with the current one. */
          version?: number;
        };
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a job's title, 3C's, technician, bay or times (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            bayId?: string | null;
            cause?: string;
            concern?: string;
            correction?: string;
            /** Format: date-time */
            estimatedEnd?: string | null;
            /** Format: date-time */
            scheduledStart?: string | null;
            sortOrder?: number;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            technicianId?: string | null;
            title?: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              actualEnd: string | null;
              /** Format: date-time */
              actualStart: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              bayId: string | null;
              bayName: string | null;
              blockedReason: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              cannedJobId: string | null;
              cause: string;
              concern: string;
              correction: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              estimatedEnd: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /** @description round-half-up(quantity × unit price) */
                amountCents: number;
                /** Format: date-time */
                approvalAt: string | null;
                /** @description Who decided: the customer, or who took the call */
                approvalBy: string | null;
                /** @enum {string|null} */
                approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
                approvalReason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                approvalRecordedBy: string | null;
                /** @enum {string} */
                approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
                /** Format: date-time */
                createdAt: string;
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                inventoryItemId: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                partNumber: string | null;
                quantity: number;
                sortOrder: number;
                taxable: boolean;
                unitCostCents: number;
                unitPriceCents: number;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              /** Format: date-time */
              scheduledStart: string | null;
              sortOrder: number;
              /** @enum {string} */
              status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
              /** Format: date-time */
              statusChangedAt: string | null;
              subtotals: {
                /** @description approved lines, before fees and tax */
                approvedCents: number;
                /** @description recommended + approved lines, before fees and tax */
                estimateCents: number;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              technicianName: string | null;
              title: string;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vehicleId: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/jobs/{id}/clock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A job's clock entries and who is clocked on it now */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entries: {
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                note: string;
                running: boolean;
                seconds: number;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              /** @enum {string} */
              jobStatus: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
              /** Format: date-time */
              now: string;
              onNow: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                entryId: string;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              totalSeconds: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}/clock/off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clock a technician off a job (409 when they are not on it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description Leave out to clock yourself (technicians); owner and advisor name the technician.
             */
            technicianId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entries: {
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                note: string;
                running: boolean;
                seconds: number;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              /** @enum {string} */
              jobStatus: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
              /** Format: date-time */
              now: string;
              onNow: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                entryId: string;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              totalSeconds: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}/clock/on': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clock a technician on a job (stops their other running job clock; clocks them in for the day if needed; starts a Pending job) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description Leave out to clock yourself (technicians); owner and advisor name the technician.
             */
            technicianId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entries: {
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                note: string;
                running: boolean;
                seconds: number;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              /** @enum {string} */
              jobStatus: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
              /** Format: date-time */
              now: string;
              onNow: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                entryId: string;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              totalSeconds: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a line (labor, part, fee, sublet) as recommended */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            inventoryItemId?: string;
            /** @enum {string} */
            kind: 'labor' | 'part' | 'fee' | 'sublet';
            partNumber?: string;
            /** @description Hours (labor) or units, > 0 with at most 3 decimals: 1.5 = an hour and a half. */
            quantity: number;
            /** @description Default true */
            taxable?: boolean;
            /** @description integer cents */
            unitCostCents?: number;
            /** @description Labor defaults to the shop labor rate, a stock part to its sell price. */
            unitPriceCents?: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description round-half-up(quantity × unit price) */
              amountCents: number;
              /** Format: date-time */
              approvalAt: string | null;
              /** @description Who decided: the customer, or who took the call */
              approvalBy: string | null;
              /** @enum {string|null} */
              approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
              approvalReason: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              approvalRecordedBy: string | null;
              /** @enum {string} */
              approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
              /** Format: date-time */
              createdAt: string;
              description: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              inventoryItemId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              /** @enum {string} */
              kind: 'labor' | 'part' | 'fee' | 'sublet';
              partNumber: string | null;
              quantity: number;
              sortOrder: number;
              taxable: boolean;
              unitCostCents: number;
              unitPriceCents: number;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a job: Pending → In_Progress ⇄ Blocked (reason) → Completed. Paid is set by billing. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            cause?: string;
            correction?: string;
            reason?: string;
            /** @enum {string} */
            status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
            stockOverrideReason?: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              actualEnd: string | null;
              /** Format: date-time */
              actualStart: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              bayId: string | null;
              bayName: string | null;
              blockedReason: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              cannedJobId: string | null;
              cause: string;
              concern: string;
              correction: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              estimatedEnd: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /** @description round-half-up(quantity × unit price) */
                amountCents: number;
                /** Format: date-time */
                approvalAt: string | null;
                /** @description Who decided: the customer, or who took the call */
                approvalBy: string | null;
                /** @enum {string|null} */
                approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
                approvalReason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                approvalRecordedBy: string | null;
                /** @enum {string} */
                approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
                /** Format: date-time */
                createdAt: string;
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                inventoryItemId: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                partNumber: string | null;
                quantity: number;
                sortOrder: number;
                taxable: boolean;
                unitCostCents: number;
                unitPriceCents: number;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              /** Format: date-time */
              scheduledStart: string | null;
              sortOrder: number;
              /** @enum {string} */
              status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
              /** Format: date-time */
              statusChangedAt: string | null;
              subtotals: {
                /** @description approved lines, before fees and tax */
                approvedCents: number;
                /** @description recommended + approved lines, before fees and tax */
                estimateCents: number;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              technicianName: string | null;
              title: string;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vehicleId: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/kiosk-check-ins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check-ins at the kiosk since a time and/or of one repair order (the board marks them) */
    get: {
      parameters: {
        query?: {
          /** @description UUIDv7 identifier */
          repairOrderId?: string;
          since?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                appointmentId: string | null;
                /** Format: date-time */
                at: string;
                flags: string[];
                kioskName: string;
                repairOrderId: string;
                tagNumber: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/kiosk/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check in (201); the same requestId again answers 200 with the same result */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an opaque reference from a lookup */
            appointmentRef?: string;
            authorization: {
              name: string;
              signature: string;
            };
            authorizationVersion?: string;
            concerns: string[];
            contactChannel: 'sms' | 'email' | 'phone';
            customer:
              | {
                  /** @description an opaque reference from a lookup */
                  ref: string;
                }
              | {
                  new: {
                    email?: string;
                    firstName: string;
                    lastName: string;
                    phone: string;
                  };
                };
            language: 'en' | 'es';
            odometer?: number;
            /** Format: date-time */
            readyBy?: string;
            /** Format: uuid */
            requestId: string;
            vehicle:
              | {
                  /** @description an opaque reference from a lookup */
                  ref: string;
                }
              | {
                  new: {
                    plate?: string;
                    state?: string;
                    vin?: string;
                  };
                };
            waiting: boolean;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              firstName: string;
              keyTag: 'queued' | 'no-printer';
              repairOrderNumber: number;
              tagNumber: number;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              firstName: string;
              keyTag: 'queued' | 'no-printer';
              repairOrderNumber: number;
              tagNumber: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/kiosk/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Today's appointment or a returning customer by phone and last name (or plate), masked */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fact: string;
            phone: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              matches: {
                appointment: null | {
                  concerns: string[];
                  /** @description an opaque reference from a lookup */
                  ref: string;
                  startsAt: string;
                  vehicleRef: string | null;
                  waiter: boolean;
                };
                contactChannel: 'sms' | 'email' | 'phone';
                language: ('en' | 'es') | null;
                maskedName: string;
                /** @description an opaque reference from a lookup */
                ref: string;
                vehicles: {
                  masked: string;
                  plateMasked: string | null;
                  /** @description an opaque reference from a lookup */
                  ref: string;
                }[];
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/kiosk/lookup-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Today's appointment by the code (or QR) of its reminder, masked */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              matches: {
                appointment: null | {
                  concerns: string[];
                  /** @description an opaque reference from a lookup */
                  ref: string;
                  startsAt: string;
                  vehicleRef: string | null;
                  waiter: boolean;
                };
                contactChannel: 'sms' | 'email' | 'phone';
                language: ('en' | 'es') | null;
                maskedName: string;
                /** @description an opaque reference from a lookup */
                ref: string;
                vehicles: {
                  masked: string;
                  plateMasked: string | null;
                  /** @description an opaque reference from a lookup */
                  ref: string;
                }[];
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/kiosk/pair': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The tablet trades a pairing code for its kiosk token (wrong codes are rate-limited per address) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the code from Settings → Devices */
            code: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              kiosk: {
                authorizationText: {
                  en: string;
                  es: string;
                };
                authorizationVersion: string;
                deviceId: string;
                hasLabelPrinter: boolean;
                idleSeconds: number;
                name: string;
                shopName: string;
                timeZone: string;
              };
              token: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/kiosk/self': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the kiosk shows of itself and its shop */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              authorizationText: {
                en: string;
                es: string;
              };
              authorizationVersion: string;
              deviceId: string;
              hasLabelPrinter: boolean;
              idleSeconds: number;
              name: string;
              shopName: string;
              timeZone: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/kiosk/staff-exit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The kiosk's hidden staff exit: 204 for an active staff member's PIN (rate-limited, audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an active staff member's PIN */
            pin: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/kiosk/vin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A VIN typed or scanned: well formed, check digit, year/make/model (offline) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            vin: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              checkDigitOk: boolean;
              make: string | null;
              model: string | null;
              vin: string;
              wellFormed: boolean;
              year: number | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/labels/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A label as SVG, drawn from the document that would be printed */
    get: {
      parameters: {
        query: {
          /** @description Comma-separated item ids. */
          itemIds?: string;
          kind: 'key-tag' | 'oil-sticker' | 'bin-labels';
          /** @description UUIDv7 identifier */
          printerId?: string;
          /** @description UUIDv7 identifier */
          repairOrderId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description image/svg+xml */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/lines/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a line */
    delete: {
      parameters: {
        query?: {
          /** @description The version you last read; a stale version gets 409 with the current one. */
          version?: number;
        };
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a line; a new quantity or price on an approved line needs approval again */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            inventoryItemId?: string | null;
            partNumber?: string | null;
            /** @description Hours (labor) or units, > 0 with at most 3 decimals: 1.5 = an hour and a half. */
            quantity?: number;
            taxable?: boolean;
            /** @description integer cents */
            unitCostCents?: number;
            /** @description integer cents */
            unitPriceCents?: number;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description round-half-up(quantity × unit price) */
              amountCents: number;
              /** Format: date-time */
              approvalAt: string | null;
              /** @description Who decided: the customer, or who took the call */
              approvalBy: string | null;
              /** @enum {string|null} */
              approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
              approvalReason: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              approvalRecordedBy: string | null;
              /** @enum {string} */
              approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
              /** Format: date-time */
              createdAt: string;
              description: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              inventoryItemId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              /** @enum {string} */
              kind: 'labor' | 'part' | 'fee' | 'sublet';
              partNumber: string | null;
              quantity: number;
              sortOrder: number;
              taxable: boolean;
              unitCostCents: number;
              unitPriceCents: number;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/media/{hash}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A stored photo, thumbnail, video or signature by its sha256 (staff) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description sha256 of the stored file, 64 lower-case hex digits */
          hash: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description the file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description the file */
        206: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description No content */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notification-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** SMTP, SMS gateway, web push and per-event switches (secrets shown only as set/not set) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              email: {
                enabled: boolean;
                from: string;
                host: string;
                passwordSet: boolean;
                port: number;
                /** @description TLS from the start (port 465); otherwise STARTTLS when offered */
                secure: boolean;
                user: string;
              };
              events: {
                appointment_reminder: boolean;
                approval_received: boolean;
                estimate_ready: boolean;
                vehicle_ready: boolean;
              };
              /** @description Base URL customers reach the shop at, e.g. https://shop.example.com */
              publicBaseUrl: string;
              push: {
                enabled: boolean;
                subject: string;
                vapidPublicKey: string;
              };
              sms: {
                accountSid: string;
                authTokenSet: boolean;
                baseUrl: string;
                enabled: boolean;
                fromNumber: string;
                /** @enum {string} */
                provider: 'twilio';
              };
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change notification settings (send the version you read; secrets are write-only) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email?: {
              enabled?: boolean;
              from?: string;
              host?: string;
              /** @description Write-only. null clears it; absent keeps it. */
              password?: string | null;
              port?: number;
              secure?: boolean;
              user?: string;
            };
            events?: {
              appointment_reminder?: boolean;
              approval_received?: boolean;
              estimate_ready?: boolean;
              vehicle_ready?: boolean;
            };
            /** @description http(s) URL, or empty */
            publicBaseUrl?: string;
            push?: {
              enabled?: boolean;
              /** @description mailto: or https: contact for the push services */
              subject?: string;
            };
            sms?: {
              accountSid?: string;
              /** @description Write-only. null clears it; absent keeps it. */
              authToken?: string | null;
              /** @description http(s) URL, or empty */
              baseUrl?: string;
              enabled?: boolean;
              fromNumber?: string;
            };
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              email: {
                enabled: boolean;
                from: string;
                host: string;
                passwordSet: boolean;
                port: number;
                /** @description TLS from the start (port 465); otherwise STARTTLS when offered */
                secure: boolean;
                user: string;
              };
              events: {
                appointment_reminder: boolean;
                approval_received: boolean;
                estimate_ready: boolean;
                vehicle_ready: boolean;
              };
              /** @description Base URL customers reach the shop at, e.g. https://shop.example.com */
              publicBaseUrl: string;
              push: {
                enabled: boolean;
                subject: string;
                vapidPublicKey: string;
              };
              sms: {
                accountSid: string;
                authTokenSet: boolean;
                baseUrl: string;
                enabled: boolean;
                fromNumber: string;
                /** @enum {string} */
                provider: 'twilio';
              };
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/notification-settings/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a test message now on one channel and say what happened */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            channel: 'email' | 'sms' | 'push';
            /** @description Email address or phone number (not for push) */
            to?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              channel: 'email' | 'sms' | 'push';
              detail: string;
              ok: boolean;
              providerMessageId: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/messages/{messageId}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retry a waiting or failed message now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          messageId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** @enum {string} */
              channel: 'email' | 'sms' | 'push';
              /** Format: date-time */
              createdAt: string;
              event: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** @description The last failure in plain words */
              lastError: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** @description Masked: e.g. "+1 ••• ••• 4567", "a•••@example.com" */
              recipient: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string | null;
              /** Format: date-time */
              sentAt: string | null;
              /**
               * @description What really happened: not_sent (the channel is not set up), queued, sending, retrying, sent, failed, cancelled
               * @enum {string}
               */
              state: 'not_sent' | 'queued' | 'sending' | 'retrying' | 'sent' | 'failed' | 'cancelled';
              /** @description The state in words: "Not sent: SMS not set up", "Failed: <reason>" */
              stateText: string;
              /** @enum {string} */
              status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
              subject: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/problems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages that failed or are retrying after an error, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: number;
                /** @enum {string} */
                channel: 'email' | 'sms' | 'push';
                /** Format: date-time */
                createdAt: string;
                event: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @description The last failure in plain words */
                lastError: string | null;
                /** Format: date-time */
                nextAttemptAt: string | null;
                /** @description Masked: e.g. "+1 ••• ••• 4567", "a•••@example.com" */
                recipient: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string | null;
                /** Format: date-time */
                sentAt: string | null;
                /**
                 * @description What really happened: not_sent (the channel is not set up), queued, sending, retrying, sent, failed, cancelled
                 * @enum {string}
                 */
                state: 'not_sent' | 'queued' | 'sending' | 'retrying' | 'sent' | 'failed' | 'cancelled';
                /** @description The state in words: "Not sent: SMS not set up", "Failed: <reason>" */
                stateText: string;
                /** @enum {string} */
                status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
                subject: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/readiness': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which channels can send now (SMS, email, push), and where to set them up */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channels: {
                /** @enum {string} */
                channel: 'email' | 'sms' | 'push';
                ready: boolean;
                /** @description Why it cannot send, e.g. "SMS not set up" */
                reason: string | null;
              }[];
              /** @description True when SMS or email can reach a customer */
              customerChannelReady: boolean;
              settingsPage: {
                label: string;
                path: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/obd/odometer-holds/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm an OBD odometer reading lower than the last one (replaced cluster): it is recorded */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              readingKm: number;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vehicleId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/obd/unmatched': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dongle reports whose VIN matches no vehicle, waiting to be attached */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                batteryVolts: number | null;
                /** @enum {string} */
                channel: 'telemetry' | 'dtc';
                /** @description Stored, pending and permanent codes of a dtc report */
                codes: string[];
                deviceId: string;
                deviceName: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                milOn: boolean | null;
                odometerKm: number | null;
                /** Format: date-time */
                receivedAt: string;
                seq: number;
                vin: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/obd/unmatched/{id}/attach': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach a waiting report (and that dongle's other reports of the same VIN) to a vehicle */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            vehicleId: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Reports of this dongle and VIN now on the vehicle */
              attached: number;
              scans: number;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vehicleId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/payments/{id}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void a payment recorded by mistake, with a reason. Idempotency-Key required */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Unique per intended payment: a retry with the same key returns the first result. */
          'idempotency-key'?: string;
        };
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Unique per intended payment: a retry with the same key returns the first result. */
            idempotencyKey?: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amountCents: number;
              cardReference: string | null;
              checkNumber: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              invoiceId: string | null;
              /** @enum {string} */
              kind: 'payment' | 'deposit' | 'refund';
              /** @enum {string} */
              method: 'cash' | 'card' | 'check';
              reason: string | null;
              /** Format: date-time */
              receivedAt: string;
              receivedBy: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
              } | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              refundOf: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** @enum {string} */
              status: 'recorded' | 'void';
              voidReason: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/print-jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The print queue, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description UUIDv7 identifier */
          repairOrderId?: string;
          status?: 'queued' | 'printing' | 'printed' | 'failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: number;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @enum {string} */
                kind: 'key-tag' | 'oil-sticker' | 'bin-labels';
                lastError: string | null;
                /** Format: date-time */
                nextAttemptAt: string | null;
                /** Format: date-time */
                printedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                printerDeviceId: string;
                printerName: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                reprintOf: string | null;
                /** @enum {string} */
                status: 'queued' | 'printing' | 'printed' | 'failed';
                summary: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/print-jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One print job */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** @enum {string} */
              kind: 'key-tag' | 'oil-sticker' | 'bin-labels';
              lastError: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** Format: date-time */
              printedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              printerDeviceId: string;
              printerName: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              reprintOf: string | null;
              /** @enum {string} */
              status: 'queued' | 'printing' | 'printed' | 'failed';
              summary: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/print-jobs/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A job's label as SVG */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description image/svg+xml */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/print-jobs/{id}/reprint': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Print the same label again (a new job, marked as a reprint) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** @enum {string} */
              kind: 'key-tag' | 'oil-sticker' | 'bin-labels';
              lastError: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** Format: date-time */
              printedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              printerDeviceId: string;
              printerName: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              reprintOf: string | null;
              /** @enum {string} */
              status: 'queued' | 'printing' | 'printed' | 'failed';
              summary: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/print-jobs/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a failed job back in the queue */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** @enum {string} */
              kind: 'key-tag' | 'oil-sticker' | 'bin-labels';
              lastError: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** Format: date-time */
              printedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              printerDeviceId: string;
              printerName: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              reprintOf: string | null;
              /** @enum {string} */
              status: 'queued' | 'printing' | 'printed' | 'failed';
              summary: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/printers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Label printers, with reachability and queue length */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              deviceId: string;
              host: string | null;
              labelWidthMm: number;
              /** Format: date-time */
              lastContactAt: string | null;
              lastError: string | null;
              /** Format: date-time */
              lastErrorAt: string | null;
              name: string;
              /** @description The last contact (a job or a status probe) got an answer. */
              online: boolean;
              port: number;
              /** @description Jobs waiting for this printer (queued or being sent). */
              queued: number;
              serialPath: string | null;
              /** @enum {string} */
              transport: 'tcp' | 'serial';
            }[];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/printers/{deviceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** How to reach a label-printer device (TCP host/port 9100, or a serial port) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          deviceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The printer's IP address or name on the shop network (tcp). */
            host?: string;
            /**
             * @description Printable width: 48 (58 mm roll) or 72 (80 mm).
             * @default 72
             */
            labelWidthMm?: number;
            /** @default 9100 */
            port?: number;
            /** @description e.g. /dev/ttyUSB0 or COM3 (serial). */
            serialPath?: string;
            /** @enum {string} */
            transport: 'tcp' | 'serial';
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              deviceId: string;
              host: string | null;
              labelWidthMm: number;
              /** Format: date-time */
              lastContactAt: string | null;
              lastError: string | null;
              /** Format: date-time */
              lastErrorAt: string | null;
              name: string;
              /** @description The last contact (a job or a status probe) got an answer. */
              online: boolean;
              port: number;
              /** @description Jobs waiting for this printer (queued or being sent). */
              queued: number;
              serialPath: string | null;
              /** @enum {string} */
              transport: 'tcp' | 'serial';
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/approvals/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The customer's estimate page behind /r/<token> (no sign-in) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              approvedWork: {
                amountCents: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                title: string;
              }[];
              customerName: string;
              /** Format: date-time */
              expiresAt: string;
              /** @description The invoice if the customer approves every job on this page (plus work already approved) */
              ifAllApproved: {
                shopSuppliesCents: number;
                subtotalCents: number;
                taxCents: number;
                /** @description What the invoice will charge, tax included */
                totalCents: number;
              };
              inspections: {
                /** Format: date-time */
                completedAt: string | null;
                counts: {
                  green: number;
                  red: number;
                  unrated: number;
                  yellow: number;
                };
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                media: {
                  caption: string;
                  hash: string;
                  itemKey: string | null;
                  /** @enum {string} */
                  kind: 'image' | 'video';
                  mime: string;
                  thumbnailHash: string | null;
                }[];
                name: string;
                sections: {
                  items: {
                    key: string;
                    label: string;
                    measurement: {
                      unit: string | null;
                      value: number;
                    } | null;
                    note: string;
                    /**
                     * @description green: ok · yellow: soon · red: now
                     * @enum {string}
                     */
                    rating: 'green' | 'yellow' | 'red';
                  }[];
                  key: string;
                  title: string;
                }[];
                /** @enum {string} */
                status: 'in_progress' | 'completed';
              }[];
              jobs: {
                amountCents: number;
                concern: string;
                /** @description False when every line of the job changed after sending */
                decidable: boolean;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                lines: {
                  amountCents: number;
                  /** @description Changed by the shop after sending: it cannot be decided here; the shop will call */
                  changed: boolean;
                  description: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  lineId: string;
                  quantity: number;
                }[];
                title: string;
              }[];
              message: string;
              repairOrderNumber: number;
              /** Format: date-time */
              sentAt: string;
              shop: {
                address: string;
                name: string;
                phone: string;
              };
              /** @description Fingerprint of this estimate version */
              snapshotHash: string;
              /** @enum {string} */
              status: 'pending';
              /** @description The shop's IANA time zone: times on the page are the shop's */
              timeZone: string;
              totals: {
                /** @description Work already approved, with tax and shop supplies */
                approvedCents: number;
                /** @description Everything approved plus everything recommended, with tax and shop supplies */
                estimateCents: number;
              };
              vehicle: {
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                year: number | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** The customer's answer: approve or decline each line, name and drawn signature */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            decisions: {
              /** @enum {string} */
              decision: 'approved' | 'declined';
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              lineId: string;
            }[];
            /** @description The drawn signature as a PNG data URL */
            signature: string;
            /** @description The name of who signs */
            signerName: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Approved and recorded, before tax */
              approvedCents: number;
              /** @description All approved work on the repair order as the invoice will charge it, tax included */
              approvedWithTax: {
                shopSuppliesCents: number;
                subtotalCents: number;
                taxCents: number;
                /** @description What the invoice will charge, tax included */
                totalCents: number;
              };
              declinedCents: number;
              /** @description Decisions not applied because the line had changed */
              notApplied: number;
              repairOrderNumber: number;
              results: {
                amountCents: number;
                /** @enum {string} */
                decision: 'approved' | 'declined';
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                /**
                 * @description line_changed: the shop changed this line after sending; the decision was not applied
                 * @enum {string}
                 */
                outcome: 'recorded' | 'line_changed';
              }[];
              shop: {
                address: string;
                name: string;
                phone: string;
              };
              signerName: string;
              /** @enum {string} */
              status: 'submitted';
              /** Format: date-time */
              submittedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/approvals/{token}/media/{hash}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A photo or video of the link's inspection (only that repair order's) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          hash: string;
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/sms/inbound': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Inbound SMS webhook (Twilio form body); STOP opts the number out, START back in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description Twilio webhook (form-encoded) */
      requestBody: {
        content: {
          'application/json': {
            Body: string;
            From: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description TwiML */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/push-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Subscribe this device to staff notifications (the browser's PushSubscription JSON) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            endpoint: string;
            expirationTime?: number | null;
            keys: {
              auth: string;
              p256dh: string;
            };
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              endpoint: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
            };
          };
        };
      };
    };
    /** Stop notifications on this device */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            endpoint: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/push/public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The VAPID public key for subscribing this device, and whether you have a device subscribed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              enabled: boolean;
              /** @description VAPID application server key (base64url) */
              publicKey: string;
              subscribed?: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/remote-access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tunnel state (asks cloudflared now), the public base URL, and HTTPS on the shop network */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The base of customer links (set in the Messages settings), or null. */
              publicBaseUrl: string | null;
              tls: {
                /** @description Compare with what the device shows before trusting. */
                caFingerprintSha256: string;
                caName: string;
                /** Format: date-time */
                caNotAfter: string;
                /** @description Why HTTPS is not up. */
                error: string | null;
                /** @description Config httpsPort; 0 = HTTPS on the shop network is off. */
                httpsPort: number;
                listening: boolean;
                /** @description Names and addresses in the server certificate. */
                serverNames: string[];
                /** Format: date-time */
                serverNotAfter: string;
                /** @description Addresses to open on a shop device once it trusts the CA. */
                urls: string[];
              };
              tunnel: {
                /** Format: date-time */
                checkedAt: string;
                /** @description A tunnel token is saved. */
                configured: boolean;
                /** @description What was seen, in words, when not connected. */
                detail: string | null;
                /** @description Where ASE asks cloudflared (its --metrics address). */
                metricsAddress: string;
                /**
                 * @description not configured: no token; connecting: cloudflared is starting or has no connection yet; connected: Cloudflare can reach the shop; unreachable: cloudflared does not answer
                 * @enum {string}
                 */
                state: 'not configured' | 'connecting' | 'connected' | 'unreachable';
                /** @description The tunnel id inside the saved token (not secret). */
                tunnelId: string | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/remote-access/tunnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Save the cloudflared tunnel token (write-only; the tunnel service restarts with it) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The cloudflared tunnel token (or the whole install command containing it). Write-only. */
            token: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The base of customer links (set in the Messages settings), or null. */
              publicBaseUrl: string | null;
              tls: {
                /** @description Compare with what the device shows before trusting. */
                caFingerprintSha256: string;
                caName: string;
                /** Format: date-time */
                caNotAfter: string;
                /** @description Why HTTPS is not up. */
                error: string | null;
                /** @description Config httpsPort; 0 = HTTPS on the shop network is off. */
                httpsPort: number;
                listening: boolean;
                /** @description Names and addresses in the server certificate. */
                serverNames: string[];
                /** Format: date-time */
                serverNotAfter: string;
                /** @description Addresses to open on a shop device once it trusts the CA. */
                urls: string[];
              };
              tunnel: {
                /** Format: date-time */
                checkedAt: string;
                /** @description A tunnel token is saved. */
                configured: boolean;
                /** @description What was seen, in words, when not connected. */
                detail: string | null;
                /** @description Where ASE asks cloudflared (its --metrics address). */
                metricsAddress: string;
                /**
                 * @description not configured: no token; connecting: cloudflared is starting or has no connection yet; connected: Cloudflare can reach the shop; unreachable: cloudflared does not answer
                 * @enum {string}
                 */
                state: 'not configured' | 'connecting' | 'connected' | 'unreachable';
                /** @description The tunnel id inside the saved token (not secret). */
                tunnelId: string | null;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Remove the tunnel token: remote access ends when the tunnel service stops */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The base of customer links (set in the Messages settings), or null. */
              publicBaseUrl: string | null;
              tls: {
                /** @description Compare with what the device shows before trusting. */
                caFingerprintSha256: string;
                caName: string;
                /** Format: date-time */
                caNotAfter: string;
                /** @description Why HTTPS is not up. */
                error: string | null;
                /** @description Config httpsPort; 0 = HTTPS on the shop network is off. */
                httpsPort: number;
                listening: boolean;
                /** @description Names and addresses in the server certificate. */
                serverNames: string[];
                /** Format: date-time */
                serverNotAfter: string;
                /** @description Addresses to open on a shop device once it trusts the CA. */
                urls: string[];
              };
              tunnel: {
                /** Format: date-time */
                checkedAt: string;
                /** @description A tunnel token is saved. */
                configured: boolean;
                /** @description What was seen, in words, when not connected. */
                detail: string | null;
                /** @description Where ASE asks cloudflared (its --metrics address). */
                metricsAddress: string;
                /**
                 * @description not configured: no token; connecting: cloudflared is starting or has no connection yet; connected: Cloudflare can reach the shop; unreachable: cloudflared does not answer
                 * @enum {string}
                 */
                state: 'not configured' | 'connecting' | 'connected' | 'unreachable';
                /** @description The tunnel id inside the saved token (not secret). */
                tunnelId: string | null;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Repair orders, newest first, by status, customer or vehicle */
    get: {
      parameters: {
        query: {
          /** @description Repair-order number: pass nextBefore for the next page */
          before?: number;
          /** @description UUIDv7 identifier */
          customerId?: string;
          limit: number;
          status?: 'estimate' | 'open' | 'invoiced' | 'closed' | 'void';
          /** @description UUIDv7 identifier */
          vehicleId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                advisorUserId: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                appointmentId: string | null;
                /** Format: date-time */
                closedAt: string | null;
                concerns: string[];
                /** Format: date-time */
                createdAt: string;
                customer: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                };
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                keyTag: string | null;
                notes: string;
                number: number;
                odometerIn: number | null;
                /** @description When the vehicle went back; printed on the invoice */
                odometerOut: number | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                promisedAt: string | null;
                /** @enum {string} */
                status: 'estimate' | 'open' | 'invoiced' | 'closed' | 'void';
                /** Format: date-time */
                updatedAt: string;
                vehicle: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  licensePlate: string | null;
                  make: string | null;
                  model: string | null;
                  vin: string | null;
                  year: number | null;
                };
                version: number;
                waiter: boolean;
              }[];
              /** @description Pass as `before` for the next (older) page. */
              nextBefore: number | null;
            };
          };
        };
      };
    };
    put?: never;
    /** Open a repair order (check-in): each concern becomes a Pending job */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            appointmentId?: string;
            /** @description The customer's concerns in their own words; each becomes a job. */
            concerns: string[];
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            customerId: string;
            keyTag?: string;
            notes?: string;
            odometerIn?: number;
            /** Format: date-time */
            promisedAt?: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            vehicleId: string;
            waiter?: boolean;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              advisorUserId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              appointmentId: string | null;
              /** Format: date-time */
              closedAt: string | null;
              concerns: string[];
              /** Format: date-time */
              createdAt: string;
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              jobs: {
                /** Format: date-time */
                actualEnd: string | null;
                /** Format: date-time */
                actualStart: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                bayId: string | null;
                bayName: string | null;
                blockedReason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                cannedJobId: string | null;
                cause: string;
                concern: string;
                correction: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                estimatedEnd: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lines: {
                  /** @description round-half-up(quantity × unit price) */
                  amountCents: number;
                  /** Format: date-time */
                  approvalAt: string | null;
                  /** @description Who decided: the customer, or who took the call */
                  approvalBy: string | null;
                  /** @enum {string|null} */
                  approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
                  approvalReason: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  approvalRecordedBy: string | null;
                  /** @enum {string} */
                  approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
                  /** Format: date-time */
                  createdAt: string;
                  description: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  inventoryItemId: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  partNumber: string | null;
                  quantity: number;
                  sortOrder: number;
                  taxable: boolean;
                  unitCostCents: number;
                  unitPriceCents: number;
                  /** Format: date-time */
                  updatedAt: string;
                  version: number;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                /** Format: date-time */
                scheduledStart: string | null;
                sortOrder: number;
                /** @enum {string} */
                status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
                /** Format: date-time */
                statusChangedAt: string | null;
                subtotals: {
                  /** @description approved lines, before fees and tax */
                  approvedCents: number;
                  /** @description recommended + approved lines, before fees and tax */
                  estimateCents: number;
                };
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string | null;
                technicianName: string | null;
                title: string;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
                version: number;
              }[];
              keyTag: string | null;
              notes: string;
              number: number;
              odometerIn: number | null;
              /** @description When the vehicle went back; printed on the invoice */
              odometerOut: number | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              promisedAt: string | null;
              /** @enum {string} */
              status: 'estimate' | 'open' | 'invoiced' | 'closed' | 'void';
              /** @description approved: the authorized lines (what billing invoices); estimate: recommended + approved lines. Integer cents. */
              totals: {
                approved: {
                  shopSuppliesCents: number;
                  subtotalCents: number;
                  subtotals: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  taxCents: number;
                  taxes: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  totalCents: number;
                };
                estimate: {
                  shopSuppliesCents: number;
                  subtotalCents: number;
                  subtotals: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  taxCents: number;
                  taxes: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  totalCents: number;
                };
              };
              /** Format: date-time */
              updatedAt: string;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              waiter: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One repair order with its customer, vehicle, jobs, lines and totals */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              advisorUserId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              appointmentId: string | null;
              /** Format: date-time */
              closedAt: string | null;
              concerns: string[];
              /** Format: date-time */
              createdAt: string;
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              jobs: {
                /** Format: date-time */
                actualEnd: string | null;
                /** Format: date-time */
                actualStart: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                bayId: string | null;
                bayName: string | null;
                blockedReason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                cannedJobId: string | null;
                cause: string;
                concern: string;
                correction: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                estimatedEnd: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lines: {
                  /** @description round-half-up(quantity × unit price) */
                  amountCents: number;
                  /** Format: date-time */
                  approvalAt: string | null;
                  /** @description Who decided: the customer, or who took the call */
                  approvalBy: string | null;
                  /** @enum {string|null} */
                  approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
                  approvalReason: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  approvalRecordedBy: string | null;
                  /** @enum {string} */
                  approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
                  /** Format: date-time */
                  createdAt: string;
                  description: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  inventoryItemId: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  partNumber: string | null;
                  quantity: number;
                  sortOrder: number;
                  taxable: boolean;
                  unitCostCents: number;
                  unitPriceCents: number;
                  /** Format: date-time */
                  updatedAt: string;
                  version: number;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                /** Format: date-time */
                scheduledStart: string | null;
                sortOrder: number;
                /** @enum {string} */
                status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
                /** Format: date-time */
                statusChangedAt: string | null;
                subtotals: {
                  /** @description approved lines, before fees and tax */
                  approvedCents: number;
                  /** @description recommended + approved lines, before fees and tax */
                  estimateCents: number;
                };
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string | null;
                technicianName: string | null;
                title: string;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
                version: number;
              }[];
              keyTag: string | null;
              notes: string;
              number: number;
              odometerIn: number | null;
              /** @description When the vehicle went back; printed on the invoice */
              odometerOut: number | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              promisedAt: string | null;
              /** @enum {string} */
              status: 'estimate' | 'open' | 'invoiced' | 'closed' | 'void';
              /** @description approved: the authorized lines (what billing invoices); estimate: recommended + approved lines. Integer cents. */
              totals: {
                approved: {
                  shopSuppliesCents: number;
                  subtotalCents: number;
                  subtotals: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  taxCents: number;
                  taxes: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  totalCents: number;
                };
                estimate: {
                  shopSuppliesCents: number;
                  subtotalCents: number;
                  subtotals: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  taxCents: number;
                  taxes: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  totalCents: number;
                };
              };
              /** Format: date-time */
              updatedAt: string;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              waiter: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change concerns, promised time, waiter, key tag or notes (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The customer's concerns in their own words; each becomes a job. */
            concerns?: string[];
            keyTag?: string | null;
            notes?: string;
            /** @description Not below odometerIn */
            odometerOut?: number | null;
            /** Format: date-time */
            promisedAt?: string | null;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
            waiter?: boolean;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              advisorUserId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              appointmentId: string | null;
              /** Format: date-time */
              closedAt: string | null;
              concerns: string[];
              /** Format: date-time */
              createdAt: string;
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              jobs: {
                /** Format: date-time */
                actualEnd: string | null;
                /** Format: date-time */
                actualStart: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                bayId: string | null;
                bayName: string | null;
                blockedReason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                cannedJobId: string | null;
                cause: string;
                concern: string;
                correction: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                estimatedEnd: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lines: {
                  /** @description round-half-up(quantity × unit price) */
                  amountCents: number;
                  /** Format: date-time */
                  approvalAt: string | null;
                  /** @description Who decided: the customer, or who took the call */
                  approvalBy: string | null;
                  /** @enum {string|null} */
                  approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
                  approvalReason: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  approvalRecordedBy: string | null;
                  /** @enum {string} */
                  approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
                  /** Format: date-time */
                  createdAt: string;
                  description: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  inventoryItemId: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  partNumber: string | null;
                  quantity: number;
                  sortOrder: number;
                  taxable: boolean;
                  unitCostCents: number;
                  unitPriceCents: number;
                  /** Format: date-time */
                  updatedAt: string;
                  version: number;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                /** Format: date-time */
                scheduledStart: string | null;
                sortOrder: number;
                /** @enum {string} */
                status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
                /** Format: date-time */
                statusChangedAt: string | null;
                subtotals: {
                  /** @description approved lines, before fees and tax */
                  approvedCents: number;
                  /** @description recommended + approved lines, before fees and tax */
                  estimateCents: number;
                };
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string | null;
                technicianName: string | null;
                title: string;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
                version: number;
              }[];
              keyTag: string | null;
              notes: string;
              number: number;
              odometerIn: number | null;
              /** @description When the vehicle went back; printed on the invoice */
              odometerOut: number | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              promisedAt: string | null;
              /** @enum {string} */
              status: 'estimate' | 'open' | 'invoiced' | 'closed' | 'void';
              /** @description approved: the authorized lines (what billing invoices); estimate: recommended + approved lines. Integer cents. */
              totals: {
                approved: {
                  shopSuppliesCents: number;
                  subtotalCents: number;
                  subtotals: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  taxCents: number;
                  taxes: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  totalCents: number;
                };
                estimate: {
                  shopSuppliesCents: number;
                  subtotalCents: number;
                  subtotals: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  taxCents: number;
                  taxes: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  totalCents: number;
                };
              };
              /** Format: date-time */
              updatedAt: string;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              waiter: boolean;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/repair-orders/{id}/approval-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The approval links sent for a repair order, newest first, with the customer's answers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                clientIp: string | null;
                clientUserAgent: string | null;
                /** @description Pending, but its time is up: the link no longer works */
                expired: boolean;
                /** Format: date-time */
                expiresAt: string;
                /** Format: date-time */
                firstViewedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** Format: date-time */
                lastViewedAt: string | null;
                lines: {
                  amountCents: number;
                  /** @description The line was edited, removed or decided otherwise after the link was sent */
                  changedSinceSent: boolean;
                  /** @enum {string|null} */
                  decision: 'approved' | 'declined' | null;
                  description: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  jobTitle: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  lineId: string;
                  /** @enum {string|null} */
                  outcome: 'recorded' | 'line_changed' | null;
                  versionSent: number;
                }[];
                message: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** Format: date-time */
                revokedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                revokedBy: string | null;
                /** Format: date-time */
                sentAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                sentBy: string | null;
                signatureHash: string | null;
                signerName: string | null;
                snapshotHash: string;
                /** @enum {string} */
                status: 'pending' | 'submitted' | 'revoked' | 'superseded';
                /** Format: date-time */
                submittedAt: string | null;
                /** @description The recommended work sent, before tax */
                totalCents: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Send the estimate to the customer: a link /r/<token> (shown once) and the message */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description How to send the link. Absent: by the customer's preferences. Empty: do not send; the advisor shares the link. */
            channels?: ('email' | 'sms')[];
            /**
             * @description The link stops working after this many hours (default 72).
             * @default 72
             */
            expiresInHours: number;
            /** @description A note shown to the customer above the estimate */
            message?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              clientIp: string | null;
              clientUserAgent: string | null;
              /** @description The "estimate ready" message: queued per channel (recipient masked), not sent because the channel is not set up, or why a channel was skipped */
              delivery: {
                /** @description Written but not sent: the channel is not set up ("SMS not set up") */
                notSent: {
                  channel: string;
                  reason: string;
                  recipient: string;
                }[];
                queued: {
                  channel: string;
                  recipient: string;
                }[];
                skipped: {
                  channel: string;
                  reason: string;
                }[];
              };
              /** @description Pending, but its time is up: the link no longer works */
              expired: boolean;
              /** Format: date-time */
              expiresAt: string;
              /** Format: date-time */
              firstViewedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** Format: date-time */
              lastViewedAt: string | null;
              lines: {
                amountCents: number;
                /** @description The line was edited, removed or decided otherwise after the link was sent */
                changedSinceSent: boolean;
                /** @enum {string|null} */
                decision: 'approved' | 'declined' | null;
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                jobTitle: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                /** @enum {string|null} */
                outcome: 'recorded' | 'line_changed' | null;
                versionSent: number;
              }[];
              /** @description The customer link /r/<token>: shown once, never stored */
              link: string;
              message: string;
              /** @description The link as a QR code (PNG data URL) for the customer's phone camera: shown once too */
              qrCode: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** Format: date-time */
              revokedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              revokedBy: string | null;
              /** Format: date-time */
              sentAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              sentBy: string | null;
              signatureHash: string | null;
              signerName: string | null;
              snapshotHash: string;
              /** @enum {string} */
              status: 'pending' | 'submitted' | 'revoked' | 'superseded';
              /** Format: date-time */
              submittedAt: string | null;
              /** @description The recommended work sent, before tax */
              totalCents: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/approval-requests/{requestId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a pending approval link */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
          /** @description UUIDv7 identifier */
          requestId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              clientIp: string | null;
              clientUserAgent: string | null;
              /** @description Pending, but its time is up: the link no longer works */
              expired: boolean;
              /** Format: date-time */
              expiresAt: string;
              /** Format: date-time */
              firstViewedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** Format: date-time */
              lastViewedAt: string | null;
              lines: {
                amountCents: number;
                /** @description The line was edited, removed or decided otherwise after the link was sent */
                changedSinceSent: boolean;
                /** @enum {string|null} */
                decision: 'approved' | 'declined' | null;
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                jobTitle: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                /** @enum {string|null} */
                outcome: 'recorded' | 'line_changed' | null;
                versionSent: number;
              }[];
              message: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** Format: date-time */
              revokedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              revokedBy: string | null;
              /** Format: date-time */
              sentAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              sentBy: string | null;
              signatureHash: string | null;
              signerName: string | null;
              snapshotHash: string;
              /** @enum {string} */
              status: 'pending' | 'submitted' | 'revoked' | 'superseded';
              /** Format: date-time */
              submittedAt: string | null;
              /** @description The recommended work sent, before tax */
              totalCents: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/approvals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the customer's decisions on lines: approved, declined or deferred */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Who decided: the customer, or the person authorized on a fleet account */
            approvedBy: string;
            decisions: {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              lineId: string;
              reason?: string;
              /** @enum {string} */
              state: 'approved' | 'declined' | 'deferred';
              /** @description The version you last read; a stale version gets 409 with the current one. */
              version?: number;
            }[];
            /** @enum {string} */
            method: 'in_person' | 'phone' | 'link' | 'text' | 'email';
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              advisorUserId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              appointmentId: string | null;
              /** Format: date-time */
              closedAt: string | null;
              concerns: string[];
              /** Format: date-time */
              createdAt: string;
              customer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              jobs: {
                /** Format: date-time */
                actualEnd: string | null;
                /** Format: date-time */
                actualStart: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                bayId: string | null;
                bayName: string | null;
                blockedReason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                cannedJobId: string | null;
                cause: string;
                concern: string;
                correction: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                estimatedEnd: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                lines: {
                  /** @description round-half-up(quantity × unit price) */
                  amountCents: number;
                  /** Format: date-time */
                  approvalAt: string | null;
                  /** @description Who decided: the customer, or who took the call */
                  approvalBy: string | null;
                  /** @enum {string|null} */
                  approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
                  approvalReason: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  approvalRecordedBy: string | null;
                  /** @enum {string} */
                  approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
                  /** Format: date-time */
                  createdAt: string;
                  description: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  inventoryItemId: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  /** @enum {string} */
                  kind: 'labor' | 'part' | 'fee' | 'sublet';
                  partNumber: string | null;
                  quantity: number;
                  sortOrder: number;
                  taxable: boolean;
                  unitCostCents: number;
                  unitPriceCents: number;
                  /** Format: date-time */
                  updatedAt: string;
                  version: number;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                /** Format: date-time */
                scheduledStart: string | null;
                sortOrder: number;
                /** @enum {string} */
                status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
                /** Format: date-time */
                statusChangedAt: string | null;
                subtotals: {
                  /** @description approved lines, before fees and tax */
                  approvedCents: number;
                  /** @description recommended + approved lines, before fees and tax */
                  estimateCents: number;
                };
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string | null;
                technicianName: string | null;
                title: string;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
                version: number;
              }[];
              keyTag: string | null;
              notes: string;
              number: number;
              odometerIn: number | null;
              /** @description When the vehicle went back; printed on the invoice */
              odometerOut: number | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              promisedAt: string | null;
              /** @enum {string} */
              status: 'estimate' | 'open' | 'invoiced' | 'closed' | 'void';
              /** @description approved: the authorized lines (what billing invoices); estimate: recommended + approved lines. Integer cents. */
              totals: {
                approved: {
                  shopSuppliesCents: number;
                  subtotalCents: number;
                  subtotals: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  taxCents: number;
                  taxes: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  totalCents: number;
                };
                estimate: {
                  shopSuppliesCents: number;
                  subtotalCents: number;
                  subtotals: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  taxCents: number;
                  taxes: {
                    fee: number;
                    labor: number;
                    part: number;
                    sublet: number;
                  };
                  totalCents: number;
                };
              };
              /** Format: date-time */
              updatedAt: string;
              vehicle: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                vin: string | null;
                year: number | null;
              };
              version: number;
              waiter: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/deposits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A repair order's deposits: not yet applied (invoiceId null) and applied to its invoice */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Deposits taken on the repair order, oldest first: invoiceId null = not yet applied (void ones included, status says) */
              items: {
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                invoiceId: string | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                reason: string | null;
                /** Format: date-time */
                receivedAt: string;
                receivedBy: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  name: string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                refundOf: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @enum {string} */
                status: 'recorded' | 'void';
                voidReason: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Take a deposit before the invoice; applied when it is issued. Idempotency-Key required */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Unique per intended payment: a retry with the same key returns the first result. */
          'idempotency-key'?: string;
        };
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Integer cents > 0 */
            amountCents: number;
            /** @description Card terminal reference */
            cardReference?: string;
            checkNumber?: string;
            /** @description Unique per intended payment: a retry with the same key returns the first result. */
            idempotencyKey?: string;
            /** @enum {string} */
            method: 'cash' | 'card' | 'check';
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amountCents: number;
              cardReference: string | null;
              checkNumber: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              invoiceId: string | null;
              /** @enum {string} */
              kind: 'payment' | 'deposit' | 'refund';
              /** @enum {string} */
              method: 'cash' | 'card' | 'check';
              reason: string | null;
              /** Format: date-time */
              receivedAt: string;
              receivedBy: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
              } | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              refundOf: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** @enum {string} */
              status: 'recorded' | 'void';
              voidReason: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/inspections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The inspections of a repair order, with findings and media */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                completedAt: string | null;
                counts: {
                  green: number;
                  red: number;
                  unrated: number;
                  yellow: number;
                };
                /** Format: date-time */
                createdAt: string;
                findings: {
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  itemKey: string;
                  measurement: {
                    unit: string | null;
                    value: number;
                  } | null;
                  note: string;
                  /**
                   * @description green: ok · yellow: soon · red: now · null: not rated
                   * @enum {string|null}
                   */
                  rating: 'green' | 'yellow' | 'red' | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  recommendedJobId: string | null;
                  /** Format: date-time */
                  updatedAt: string;
                  version: number;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                media: {
                  byteSize: number;
                  caption: string;
                  /** Format: date-time */
                  createdAt: string;
                  /** @description GET /api/media/:hash serves the file */
                  hash: string;
                  height: number | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  itemKey: string | null;
                  /** @enum {string} */
                  kind: 'image' | 'video';
                  mime: string;
                  thumbnailHash: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  uploadedBy: string | null;
                  width: number | null;
                }[];
                name: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                /** @description The template's sections as they were when the inspection started. */
                sections: {
                  items: {
                    /**
                     * Format: uuid
                     * @description Recommended job made from this canned job.
                     */
                    cannedJobId?: string | null;
                    /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                    key: string;
                    label: string;
                    /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                    measurementUnit?: string | null;
                    /**
                     * @description Completing needs a rating for this item.
                     * @default false
                     */
                    required: boolean;
                    thresholds?: {
                      /** @description A measurement below this suggests red. */
                      redBelow?: number;
                      /** @description A measurement below this suggests yellow. */
                      yellowBelow?: number;
                    } | null;
                  }[];
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  title: string;
                }[];
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                startedBy: string | null;
                /** @enum {string} */
                status: 'in_progress' | 'completed';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                templateId: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Start an inspection from a template (200 with the one under way if already started) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            technicianId?: string;
            /**
             * Format: uuid
             * @description Default: the first active template (made if none).
             */
            templateId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt: string | null;
              counts: {
                green: number;
                red: number;
                unrated: number;
                yellow: number;
              };
              /** Format: date-time */
              createdAt: string;
              findings: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string;
                measurement: {
                  unit: string | null;
                  value: number;
                } | null;
                note: string;
                /**
                 * @description green: ok · yellow: soon · red: now · null: not rated
                 * @enum {string|null}
                 */
                rating: 'green' | 'yellow' | 'red' | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                recommendedJobId: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              media: {
                byteSize: number;
                caption: string;
                /** Format: date-time */
                createdAt: string;
                /** @description GET /api/media/:hash serves the file */
                hash: string;
                height: number | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string | null;
                /** @enum {string} */
                kind: 'image' | 'video';
                mime: string;
                thumbnailHash: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                uploadedBy: string | null;
                width: number | null;
              }[];
              name: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** @description The template's sections as they were when the inspection started. */
              sections: {
                items: {
                  /**
                   * Format: uuid
                   * @description Recommended job made from this canned job.
                   */
                  cannedJobId?: string | null;
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  label: string;
                  /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                  measurementUnit?: string | null;
                  /**
                   * @description Completing needs a rating for this item.
                   * @default false
                   */
                  required: boolean;
                  thresholds?: {
                    /** @description A measurement below this suggests red. */
                    redBelow?: number;
                    /** @description A measurement below this suggests yellow. */
                    yellowBelow?: number;
                  } | null;
                }[];
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                title: string;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              startedBy: string | null;
              /** @enum {string} */
              status: 'in_progress' | 'completed';
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              templateId: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt: string | null;
              counts: {
                green: number;
                red: number;
                unrated: number;
                yellow: number;
              };
              /** Format: date-time */
              createdAt: string;
              findings: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string;
                measurement: {
                  unit: string | null;
                  value: number;
                } | null;
                note: string;
                /**
                 * @description green: ok · yellow: soon · red: now · null: not rated
                 * @enum {string|null}
                 */
                rating: 'green' | 'yellow' | 'red' | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                recommendedJobId: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              media: {
                byteSize: number;
                caption: string;
                /** Format: date-time */
                createdAt: string;
                /** @description GET /api/media/:hash serves the file */
                hash: string;
                height: number | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                itemKey: string | null;
                /** @enum {string} */
                kind: 'image' | 'video';
                mime: string;
                thumbnailHash: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                uploadedBy: string | null;
                width: number | null;
              }[];
              name: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              /** @description The template's sections as they were when the inspection started. */
              sections: {
                items: {
                  /**
                   * Format: uuid
                   * @description Recommended job made from this canned job.
                   */
                  cannedJobId?: string | null;
                  /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                  key: string;
                  label: string;
                  /** @description Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ... */
                  measurementUnit?: string | null;
                  /**
                   * @description Completing needs a rating for this item.
                   * @default false
                   */
                  required: boolean;
                  thresholds?: {
                    /** @description A measurement below this suggests red. */
                    redBelow?: number;
                    /** @description A measurement below this suggests yellow. */
                    yellowBelow?: number;
                  } | null;
                }[];
                /** @description lower-case letters, digits, ".", "_" or "-"; at most 64 characters */
                key: string;
                title: string;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              startedBy: string | null;
              /** @enum {string} */
              status: 'in_progress' | 'completed';
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              templateId: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a job, optionally from a canned job (its lines are copied) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            bayId?: string;
            /**
             * Format: uuid
             * @description Start from a canned job: its title, concern and lines are copied.
             */
            cannedJobId?: string;
            concern?: string;
            /** Format: date-time */
            estimatedEnd?: string;
            /** Format: date-time */
            scheduledStart?: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            technicianId?: string;
            title?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              actualEnd: string | null;
              /** Format: date-time */
              actualStart: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              bayId: string | null;
              bayName: string | null;
              blockedReason: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              cannedJobId: string | null;
              cause: string;
              concern: string;
              correction: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              estimatedEnd: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              lines: {
                /** @description round-half-up(quantity × unit price) */
                amountCents: number;
                /** Format: date-time */
                approvalAt: string | null;
                /** @description Who decided: the customer, or who took the call */
                approvalBy: string | null;
                /** @enum {string|null} */
                approvalMethod: 'in_person' | 'phone' | 'link' | 'text' | 'email' | null;
                approvalReason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                approvalRecordedBy: string | null;
                /** @enum {string} */
                approvalState: 'recommended' | 'approved' | 'declined' | 'deferred';
                /** Format: date-time */
                createdAt: string;
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                inventoryItemId: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                partNumber: string | null;
                quantity: number;
                sortOrder: number;
                taxable: boolean;
                unitCostCents: number;
                unitPriceCents: number;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string;
              repairOrderNumber: number;
              /** Format: date-time */
              scheduledStart: string | null;
              sortOrder: number;
              /** @enum {string} */
              status: 'Pending' | 'In_Progress' | 'Blocked' | 'Completed' | 'Paid';
              /** Format: date-time */
              statusChangedAt: string | null;
              subtotals: {
                /** @description approved lines, before fees and tax */
                approvedCents: number;
                /** @description recommended + approved lines, before fees and tax */
                estimateCents: number;
              };
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string | null;
              technicianName: string | null;
              title: string;
              /** Format: date-time */
              updatedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vehicleId: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/key-tag': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Print the repair order's key tag */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            printerId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** @enum {string} */
              kind: 'key-tag' | 'oil-sticker' | 'bin-labels';
              lastError: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** Format: date-time */
              printedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              printerDeviceId: string;
              printerName: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              reprintOf: string | null;
              /** @enum {string} */
              status: 'queued' | 'printing' | 'printed' | 'failed';
              summary: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/kiosk-check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How this repair order was checked in at the kiosk (404: not at a kiosk) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              at: string;
              authorization: {
                language: 'en' | 'es';
                /** @description The name the customer typed above the signature */
                name: string;
                /** @description GET it (staff) for the signature PNG */
                signatureUrl: string;
                /** @description The authorization text exactly as shown */
                text: string;
              };
              /** @description For the advisor: vin-check-digit (the VIN typed fails its check digit), possible-duplicate */
              flags: string[];
              kioskName: string;
              tagNumber: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delivery status of every message about this repair order */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: number;
                /** @enum {string} */
                channel: 'email' | 'sms' | 'push';
                /** Format: date-time */
                createdAt: string;
                event: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @description The last failure in plain words */
                lastError: string | null;
                /** Format: date-time */
                nextAttemptAt: string | null;
                /** @description Masked: e.g. "+1 ••• ••• 4567", "a•••@example.com" */
                recipient: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string | null;
                /** Format: date-time */
                sentAt: string | null;
                /**
                 * @description What really happened: not_sent (the channel is not set up), queued, sending, retrying, sent, failed, cancelled
                 * @enum {string}
                 */
                state: 'not_sent' | 'queued' | 'sending' | 'retrying' | 'sent' | 'failed' | 'cancelled';
                /** @description The state in words: "Not sent: SMS not set up", "Failed: <reason>" */
                stateText: string;
                /** @enum {string} */
                status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
                subject: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/notify-ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tell the customer the vehicle is ready (by their preferred channel) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              queued: {
                /** @enum {string} */
                channel: 'email' | 'sms' | 'push';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                recipient: string;
              }[];
              skipped: {
                channel: string;
                reason: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/repair-orders/{id}/oil-sticker': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Print the oil-change windshield sticker */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            printerId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /** @enum {string} */
              kind: 'key-tag' | 'oil-sticker' | 'bin-labels';
              lastError: string | null;
              /** Format: date-time */
              nextAttemptAt: string | null;
              /** Format: date-time */
              printedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              printerDeviceId: string;
              printerName: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              reprintOf: string | null;
              /** @enum {string} */
              status: 'queued' | 'printing' | 'printed' | 'failed';
              summary: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/accounting.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accounting export as CSV (QuickBooks Online): one row per invoice, payment, refund, credit note */
    get: {
      parameters: {
        query: {
          /** @description First day, inclusive (shop time zone), YYYY-MM-DD */
          from: string;
          /** @description Last day, inclusive (shop time zone), YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description text/csv (RFC 4180), money in decimal dollars */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/accounting.iif': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** QuickBooks Desktop IIF: invoices, payments, refunds and credit notes of the period; each transaction balances */
    get: {
      parameters: {
        query: {
          /** @description First day, inclusive (shop time zone), YYYY-MM-DD */
          from: string;
          /** @description Last day, inclusive (shop time zone), YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description QuickBooks Desktop IIF (tab-separated) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/end-of-day': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** End of day: payments by method, deposits, voids, invoices, A/R, card references, expected cash */
    get: {
      parameters: {
        query: {
          /** @description The business day (shop time zone), YYYY-MM-DD */
          date: string;
          /** @description Cash in the drawer when the day began; 0 when not given (no setting holds a float) */
          openingFloatCents?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Card payments and refunds with terminal references */
              cardPayments: {
                /** @description Integer cents */
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                customerName: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                invoiceNumber: number | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                /** Format: date-time */
                receivedAt: string;
              }[];
              cash: {
                /** @description Integer cents */
                cashInCents: number;
                /** @description Integer cents */
                cashRefundedCents: number;
                /** @description Integer cents */
                expectedCents: number;
                formula: string;
                /** @description Integer cents */
                openingFloatCents: number;
                /**
                 * @description 'query': given as openingFloatCents; 'none': not given, taken as 0 (no setting holds one)
                 * @enum {string}
                 */
                openingFloatSource: 'query' | 'none';
              };
              chargedToAccount: {
                /** @description Integer cents */
                amountCents: number;
                count: number;
                items: {
                  /** @description Integer cents */
                  balanceCents: number;
                  customerName: string;
                  /** Format: date-time */
                  dueAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  invoiceId: string;
                  invoiceNumber: number;
                }[];
              };
              /** @description A day in the shop's time zone, YYYY-MM-DD */
              date: string;
              deposits: {
                /** @description Integer cents */
                amountCents: number;
                count: number;
                items: {
                  /** @description Integer cents */
                  amountCents: number;
                  cardReference: string | null;
                  checkNumber: string | null;
                  customerName: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  invoiceNumber: number | null;
                  /** @enum {string} */
                  kind: 'payment' | 'deposit' | 'refund';
                  /** @enum {string} */
                  method: 'cash' | 'card' | 'check';
                  /** Format: date-time */
                  receivedAt: string;
                }[];
              };
              /** Format: date-time */
              endsAt: string;
              /** Format: date-time */
              generatedAt: string;
              invoicesIssued: {
                count: number;
                items: {
                  /** @description Integer cents */
                  balanceCents: number;
                  customerName: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  number: number;
                  onAccount: boolean;
                  /** @enum {string} */
                  status: 'issued' | 'paid';
                  /** @description Integer cents */
                  totalCents: number;
                }[];
                /** @description Integer cents */
                totalCents: number;
              };
              methods: ({
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
              } & {
                /** @description Payments and deposits taken */
                count: number;
                /** @description Integer cents */
                netCents: number;
                /** @description Integer cents */
                paymentsCents: number;
                refundCount: number;
                /** @description Integer cents */
                refundsCents: number;
              })[];
              /** Format: date-time */
              startsAt: string;
              timeZone: string;
              totals: {
                /** @description Payments and deposits taken */
                count: number;
                /** @description Integer cents */
                netCents: number;
                /** @description Integer cents */
                paymentsCents: number;
                refundCount: number;
                /** @description Integer cents */
                refundsCents: number;
              };
              /** @description Payments voided during the day (whenever received); not in the totals */
              voidedPayments: {
                /** @description Integer cents */
                amountCents: number;
                cardReference: string | null;
                checkNumber: string | null;
                customerName: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                invoiceNumber: number | null;
                /** @enum {string} */
                kind: 'payment' | 'deposit' | 'refund';
                /** @enum {string} */
                method: 'cash' | 'card' | 'check';
                /** Format: date-time */
                receivedAt: string;
                /** Format: date-time */
                voidedAt: string;
                voidReason: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/end-of-day.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The end-of-day report as CSV */
    get: {
      parameters: {
        query: {
          /** @description The business day (shop time zone), YYYY-MM-DD */
          date: string;
          /** @description Cash in the drawer when the day began; 0 when not given (no setting holds a float) */
          openingFloatCents?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description text/csv (RFC 4180), money in decimal dollars */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/inventory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inventory value now, at the start and end of the period, cost issued, and turns */
    get: {
      parameters: {
        query: {
          /** @description First day, inclusive (shop time zone), YYYY-MM-DD */
          from: string;
          /** @description Last day, inclusive (shop time zone), YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Integer cents */
              averageValueCents: number;
              days: number;
              formulas: {
                averageValue: string;
                issuedCost: string;
                turns: string;
                value: string;
                valueAt: string;
              };
              /** @description A day in the shop's time zone, YYYY-MM-DD */
              from: string;
              /** Format: date-time */
              generatedAt: string;
              /** @description Integer cents */
              issuedCostCents: number;
              itemsInStockNow: number;
              timeZone: string;
              /** @description A day in the shop's time zone, YYYY-MM-DD */
              to: string;
              /** @description Annualized: issued cost ÷ average value × 365 ÷ days */
              turns: number | null;
              /** @description Not annualized: issued cost ÷ average value */
              turnsInPeriod: number | null;
              /** @description Integer cents */
              valueAtEndCents: number;
              /** @description Integer cents */
              valueAtStartCents: number;
              /** @description Integer cents */
              valueNowCents: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/inventory.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The inventory report as CSV */
    get: {
      parameters: {
        query: {
          /** @description First day, inclusive (shop time zone), YYYY-MM-DD */
          from: string;
          /** @description Last day, inclusive (shop time zone), YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description text/csv (RFC 4180), money in decimal dollars */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/kpis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The owner's KPIs per day, ISO week or month (shop time zone), each with its formula and parts */
    get: {
      parameters: {
        query: {
          /** @description First day, inclusive (shop time zone), YYYY-MM-DD */
          from: string;
          /** @description Bucket size: a day, an ISO week (Monday to Sunday) or a calendar month. Default month. */
          period?: 'day' | 'week' | 'month';
          /** @description Last day, inclusive (shop time zone), YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              buckets: {
                /** Format: date-time */
                endsAt: string;
                /** @description A day in the shop's time zone, YYYY-MM-DD */
                from: string;
                /** @description '2026-11-23' (day), '2026-W48' (ISO week), '2026-11' (month) */
                key: string;
                label: string;
                /** Format: date-time */
                startsAt: string;
                /** @description A day in the shop's time zone, YYYY-MM-DD */
                to: string;
              }[];
              /** @description A day in the shop's time zone, YYYY-MM-DD */
              from: string;
              /** Format: date-time */
              generatedAt: string;
              metrics: {
                denominatorLabel: string | null;
                /** @enum {string|null} */
                denominatorUnit: 'cents' | 'count' | 'percent' | 'hours' | 'cents_per_hour' | 'ratio' | null;
                /** @description The formula as the owner reads it, e.g. "RO sales before tax ÷ ROs closed" */
                formula: string;
                key: string;
                label: string;
                numeratorLabel: string;
                /** @enum {string} */
                numeratorUnit: 'cents' | 'count' | 'percent' | 'hours' | 'cents_per_hour' | 'ratio';
                total: {
                  denominator: number | null;
                  numerator: number | null;
                  value: number | null;
                };
                /**
                 * @description How to show `value`. 'percent': 62.5 means 62.5 %. 'hours': decimal hours. 'cents_per_hour': cents per billed hour.
                 * @enum {string}
                 */
                unit: 'cents' | 'count' | 'percent' | 'hours' | 'cents_per_hour' | 'ratio';
                /** @description One per bucket, in bucket order */
                values: {
                  denominator: number | null;
                  numerator: number | null;
                  value: number | null;
                }[];
              }[];
              /** @description Definitions the numbers rest on */
              notes: string[];
              /** @enum {string} */
              period: 'day' | 'week' | 'month';
              timeZone: string;
              /** @description A day in the shop's time zone, YYYY-MM-DD */
              to: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/kpis.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The KPIs as CSV: one row per metric and bucket, then the total */
    get: {
      parameters: {
        query: {
          /** @description First day, inclusive (shop time zone), YYYY-MM-DD */
          from: string;
          /** @description Bucket size: a day, an ISO week (Monday to Sunday) or a calendar month. Default month. */
          period?: 'day' | 'week' | 'month';
          /** @description Last day, inclusive (shop time zone), YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description text/csv (RFC 4180), money in decimal dollars */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/technicians': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per technician: billed, clocked and available hours, efficiency, productivity, proficiency */
    get: {
      parameters: {
        query: {
          /** @description First day, inclusive (shop time zone), YYYY-MM-DD */
          from: string;
          /** @description Last day, inclusive (shop time zone), YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              formulas: {
                availableHours: string;
                billedHours: string;
                clockedHours: string;
                efficiency: string;
                laborSales: string;
                pay: string;
                productivity: string;
                proficiency: string;
              };
              /** @description A day in the shop's time zone, YYYY-MM-DD */
              from: string;
              /** Format: date-time */
              generatedAt: string;
              technicians: {
                active: boolean;
                /** @description Hours, rounded to 2 decimals */
                availableHours: number;
                /** @description Hours, rounded to 2 decimals */
                billedHours: number;
                /** @description Hours, rounded to 2 decimals */
                clockedHours: number;
                /** @description A percentage: 62.5 means 62.5 % (numerator ÷ denominator × 100); null when ÷ 0 */
                efficiency: number | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @description Integer cents */
                laborSalesCents: number;
                name: string;
                /** @enum {string} */
                payBasis: 'hourly' | 'flat_rate';
                /** @description Integer cents */
                payCents: number;
                /** @description Integer cents */
                payRateCents: number;
                /** @description A percentage: 62.5 means 62.5 % (numerator ÷ denominator × 100); null when ÷ 0 */
                productivity: number | null;
                /** @description A percentage: 62.5 means 62.5 % (numerator ÷ denominator × 100); null when ÷ 0 */
                proficiency: number | null;
              }[];
              timeZone: string;
              /** @description A day in the shop's time zone, YYYY-MM-DD */
              to: string;
              /** @description The whole shop, unassigned labor included */
              totals: {
                /** @description Hours, rounded to 2 decimals */
                availableHours: number;
                /** @description Hours, rounded to 2 decimals */
                billedHours: number;
                /** @description Hours, rounded to 2 decimals */
                clockedHours: number;
                /** @description A percentage: 62.5 means 62.5 % (numerator ÷ denominator × 100); null when ÷ 0 */
                efficiency: number | null;
                /** @description Integer cents */
                laborSalesCents: number;
                /** @description Integer cents */
                payCents: number;
                /** @description A percentage: 62.5 means 62.5 % (numerator ÷ denominator × 100); null when ÷ 0 */
                productivity: number | null;
                /** @description A percentage: 62.5 means 62.5 % (numerator ÷ denominator × 100); null when ÷ 0 */
                proficiency: number | null;
              };
              /** @description Labor billed on jobs nobody clocked and nobody was assigned to */
              unassigned: {
                /** @description Hours, rounded to 2 decimals */
                billedHours: number;
                /** @description Integer cents */
                laborSalesCents: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/technicians.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The technician report as CSV */
    get: {
      parameters: {
        query: {
          /** @description First day, inclusive (shop time zone), YYYY-MM-DD */
          from: string;
          /** @description Last day, inclusive (shop time zone), YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description text/csv (RFC 4180), money in decimal dollars */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The one search box: customers, vehicles and repair orders, ranked and grouped by kind */
    get: {
      parameters: {
        query: {
          /** @description Most hits per kind */
          limit: number;
          /** @description A name, phone (any format, or its last digits), email, plate, VIN (or its last 6/8), or RO number */
          q: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customers: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @description The name */
                label: string;
                /** @enum {string} */
                matchedOn: 'name' | 'phone' | 'email';
                /** @description How well it matched, 0..1; hits are sorted by it */
                score: number;
                /** @description Phone and email */
                sublabel: string;
              }[];
              query: string;
              repairOrders: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @description e.g. "#1042 · Ann Example · 2018 Honda Civic · open" */
                label: string;
                /** @enum {string} */
                matchedOn: 'number';
                number: number;
                /** @description How well it matched, 0..1; hits are sorted by it */
                score: number;
                status: string;
                /** @description Plate, opening date and the first concern */
                sublabel: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
              }[];
              vehicles: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** @description e.g. "2018 Honda Civic · ABC1234 · VIN …A04352" */
                label: string;
                /** @enum {string} */
                matchedOn: 'plate' | 'vin';
                /** @description How well it matched, 0..1; hits are sorted by it */
                score: number;
                /** @description The owner's name */
                sublabel: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shop settings: details, labor rate, tax, shop supplies */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              /** @enum {string} */
              baySensorMode: 'suggest' | 'automatic';
              /** @enum {string} */
              causeCorrectionOnComplete: 'required' | 'asked' | 'off';
              diagnosisWithoutApproval: {
                allowed: boolean;
                /** @description e.g. 0.5 = 30 minutes */
                limitHours: number;
              };
              email: string;
              invoiceLegalText: string;
              kiosk: {
                authorizationText: {
                  en: string | null;
                  es: string | null;
                };
                /** @description seconds without a touch before the kiosk asks "Still there?" */
                idleSeconds: number;
              };
              /** @description integer cents */
              laborRateCents: number;
              phone: string;
              /** @description Printed under the shop name on every invoice */
              registrationNumbers: {
                label: string;
                value: string;
              }[];
              repairOrderStartNumber: number;
              shopName: string;
              shopSupplies: {
                /** @description integer cents */
                capCents: number;
                /** @description hundredths of a percent: 825 = 8.25 % */
                percentBp: number;
                taxable: boolean;
              };
              taxRatesBp: {
                /** @description hundredths of a percent: 825 = 8.25 % */
                fee: number;
                /** @description hundredths of a percent: 825 = 8.25 % */
                labor: number;
                /** @description hundredths of a percent: 825 = 8.25 % */
                part: number;
                /** @description hundredths of a percent: 825 = 8.25 % */
                sublet: number;
              };
              /** @description IANA time zone, e.g. America/Chicago */
              timezone: string;
              warrantyText: string;
            } & {
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change shop settings (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address?: string;
            /** @enum {string} */
            baySensorMode?: 'suggest' | 'automatic';
            /** @enum {string} */
            causeCorrectionOnComplete?: 'required' | 'asked' | 'off';
            diagnosisWithoutApproval?: {
              allowed: boolean;
              /** @description e.g. 0.5 = 30 minutes */
              limitHours: number;
            };
            email?: string;
            invoiceLegalText?: string;
            kiosk?: {
              authorizationText: {
                en: string | null;
                es: string | null;
              };
              /** @description seconds without a touch before the kiosk asks "Still there?" */
              idleSeconds: number;
            };
            /** @description integer cents */
            laborRateCents?: number;
            phone?: string;
            /** @description Printed under the shop name on every invoice */
            registrationNumbers?: {
              label: string;
              value: string;
            }[];
            repairOrderStartNumber?: number;
            shopName?: string;
            shopSupplies?: {
              /** @description integer cents */
              capCents: number;
              /** @description hundredths of a percent: 825 = 8.25 % */
              percentBp: number;
              taxable: boolean;
            };
            taxRatesBp?: {
              /** @description hundredths of a percent: 825 = 8.25 % */
              fee: number;
              /** @description hundredths of a percent: 825 = 8.25 % */
              labor: number;
              /** @description hundredths of a percent: 825 = 8.25 % */
              part: number;
              /** @description hundredths of a percent: 825 = 8.25 % */
              sublet: number;
            };
            /** @description IANA time zone, e.g. America/Chicago */
            timezone?: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
            warrantyText?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              /** @enum {string} */
              baySensorMode: 'suggest' | 'automatic';
              /** @enum {string} */
              causeCorrectionOnComplete: 'required' | 'asked' | 'off';
              diagnosisWithoutApproval: {
                allowed: boolean;
                /** @description e.g. 0.5 = 30 minutes */
                limitHours: number;
              };
              email: string;
              invoiceLegalText: string;
              kiosk: {
                authorizationText: {
                  en: string | null;
                  es: string | null;
                };
                /** @description seconds without a touch before the kiosk asks "Still there?" */
                idleSeconds: number;
              };
              /** @description integer cents */
              laborRateCents: number;
              phone: string;
              /** @description Printed under the shop name on every invoice */
              registrationNumbers: {
                label: string;
                value: string;
              }[];
              repairOrderStartNumber: number;
              shopName: string;
              shopSupplies: {
                /** @description integer cents */
                capCents: number;
                /** @description hundredths of a percent: 825 = 8.25 % */
                percentBp: number;
                taxable: boolean;
              };
              taxRatesBp: {
                /** @description hundredths of a percent: 825 = 8.25 % */
                fee: number;
                /** @description hundredths of a percent: 825 = 8.25 % */
                labor: number;
                /** @description hundredths of a percent: 825 = 8.25 % */
                part: number;
                /** @description hundredths of a percent: 825 = 8.25 % */
                sublet: number;
              };
              /** @description IANA time zone, e.g. America/Chicago */
              timezone: string;
              warrantyText: string;
            } & {
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether first-run setup is still needed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description true until the first owner is created */
              needed: boolean;
            };
          };
        };
      };
    };
    put?: never;
    /** Create the owner account (only while no user exists) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            name: string;
            /** @description At least 10 characters; common passwords and ones built on the person's name or email are refused. */
            password: string;
            /** @description The shop's name, for settings */
            shopName?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/technicians': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All technicians (pay rate and basis for the owner only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                color: string | null;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                /**
                 * @description Owner only: hourly (clocked hours) or flat_rate (billed hours)
                 * @enum {string}
                 */
                payBasis?: 'hourly' | 'flat_rate';
                /** @description Owner only: left out for everyone else (what a colleague is paid) */
                payRateCents?: number;
                skills: string[];
                /** Format: date-time */
                updatedAt: string;
                userId: string | null;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a technician */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Color on the board and calendar, #rrggbb */
            color?: string | null;
            name: string;
            /**
             * @description hourly: paid for clocked hours; flat_rate: paid for the billed (flag) hours
             * @enum {string}
             */
            payBasis?: 'hourly' | 'flat_rate';
            /** @description What the shop pays the technician, in cents per hour (clock or flag hour by the basis) */
            payRateCents?: number;
            /** @description e.g. "brakes", "diagnostics", "alignment", "ASE A5" */
            skills?: string[];
            /** @description The staff account this technician signs in with */
            userId?: string | null;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              color: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description Owner only: hourly (clocked hours) or flat_rate (billed hours)
               * @enum {string}
               */
              payBasis?: 'hourly' | 'flat_rate';
              /** @description Owner only: left out for everyone else (what a colleague is paid) */
              payRateCents?: number;
              skills: string[];
              /** Format: date-time */
              updatedAt: string;
              userId: string | null;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/technicians/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a technician (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            /** @description Color on the board and calendar, #rrggbb */
            color?: string | null;
            name?: string;
            /**
             * @description hourly: paid for clocked hours; flat_rate: paid for the billed (flag) hours
             * @enum {string}
             */
            payBasis?: 'hourly' | 'flat_rate';
            /** @description What the shop pays the technician, in cents per hour (clock or flag hour by the basis) */
            payRateCents?: number;
            /** @description e.g. "brakes", "diagnostics", "alignment", "ASE A5" */
            skills?: string[];
            userId?: string | null;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              color: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description Owner only: hourly (clocked hours) or flat_rate (billed hours)
               * @enum {string}
               */
              payBasis?: 'hourly' | 'flat_rate';
              /** @description Owner only: left out for everyone else (what a colleague is paid) */
              payRateCents?: number;
              skills: string[];
              /** Format: date-time */
              updatedAt: string;
              userId: string | null;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/timeclock/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Job clock entries started in [from, to), newest first, for review */
    get: {
      parameters: {
        query?: {
          from?: string;
          /** @description UUIDv7 identifier */
          jobId?: string;
          /** @description UUIDv7 identifier */
          technicianId?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                note: string;
                running: boolean;
                seconds: number;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              }[];
              truncated: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timeclock/entries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Correct a job clock entry (send the version you read and a reason) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date-time */
            endedAt?: string;
            note?: string;
            /** @description Why the time is corrected (kept in the audit log). */
            reason: string;
            /** Format: date-time */
            startedAt?: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              endedAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              jobId: string;
              note: string;
              running: boolean;
              seconds: number;
              /** Format: date-time */
              startedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string;
              technicianName: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/timeclock/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in technician's running job clock and open shift */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              now: string;
              running: {
                entry: {
                  /** Format: date-time */
                  endedAt: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  note: string;
                  running: boolean;
                  seconds: number;
                  /** Format: date-time */
                  startedAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  technicianId: string;
                  technicianName: string;
                  version: number;
                };
                jobTitle: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
              } | null;
              shift: {
                /** Format: date-time */
                clockInAt: string;
                /** Format: date-time */
                clockOutAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string;
                open: boolean;
                seconds: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              } | null;
              technician: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timeclock/shifts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shifts clocked in during [from, to), newest first */
    get: {
      parameters: {
        query?: {
          from?: string;
          /** @description UUIDv7 identifier */
          technicianId?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                clockInAt: string;
                /** Format: date-time */
                clockOutAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string;
                open: boolean;
                seconds: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              }[];
              truncated: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timeclock/shifts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Correct a shift (send the version you read and a reason) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date-time */
            clockInAt?: string;
            /** Format: date-time */
            clockOutAt?: string;
            note?: string;
            /** @description Why the time is corrected (kept in the audit log). */
            reason: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              clockInAt: string;
              /** Format: date-time */
              clockOutAt: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              note: string;
              open: boolean;
              seconds: number;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              technicianId: string;
              technicianName: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/timeclock/shifts/clock-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clock a technician in for the day */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description Leave out to clock yourself (technicians); owner and advisor name the technician.
             */
            technicianId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              shift: {
                /** Format: date-time */
                clockInAt: string;
                /** Format: date-time */
                clockOutAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string;
                open: boolean;
                seconds: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              };
              stoppedEntry: {
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                note: string;
                running: boolean;
                seconds: number;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timeclock/shifts/clock-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clock a technician out (stops their running job clock too) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description Leave out to clock yourself (technicians); owner and advisor name the technician.
             */
            technicianId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              shift: {
                /** Format: date-time */
                clockInAt: string;
                /** Format: date-time */
                clockOutAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string;
                open: boolean;
                seconds: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              };
              stoppedEntry: {
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                note: string;
                running: boolean;
                seconds: number;
                /** Format: date-time */
                startedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timeclock/technicians/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A technician's running job clock and open shift */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              now: string;
              running: {
                entry: {
                  /** Format: date-time */
                  endedAt: string | null;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  id: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  jobId: string;
                  note: string;
                  running: boolean;
                  seconds: number;
                  /** Format: date-time */
                  startedAt: string;
                  /**
                   * Format: uuid
                   * @description UUIDv7 identifier
                   */
                  technicianId: string;
                  technicianName: string;
                  version: number;
                };
                jobTitle: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
              } | null;
              shift: {
                /** Format: date-time */
                clockInAt: string;
                /** Format: date-time */
                clockOutAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string;
                open: boolean;
                seconds: number;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                technicianId: string;
                technicianName: string;
                version: number;
              } | null;
              technician: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tls/ca.crt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shop's local CA certificate (PEM) to install on shop devices */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The local CA certificate (PEM). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tls/ca.mobileconfig': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CA as an Apple configuration profile (iPad, iPhone, macOS) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Apple configuration profile with the CA. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All staff accounts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                /** Format: date-time */
                createdAt: string;
                email: string | null;
                hasPassword: boolean;
                hasPin: boolean;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                name: string;
                /**
                 * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
                 * @enum {string}
                 */
                role: 'owner' | 'advisor' | 'technician' | 'parts';
                totpEnabled: boolean;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a staff account (technicians may have only a PIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email?: string;
            name: string;
            /** @description At least 10 characters; common passwords and ones built on the person's name or email are refused. */
            password?: string;
            /** @description 4 to 8 digits. */
            pin?: string;
            /**
             * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
             * @enum {string}
             */
            role: 'owner' | 'advisor' | 'technician' | 'parts';
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One staff account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change name, email or role (send the version you read) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email?: string | null;
            name?: string;
            /**
             * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
             * @enum {string}
             */
            role?: 'owner' | 'advisor' | 'technician' | 'parts';
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate: the user can no longer sign in and their sessions end at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset a user's password (their sessions end) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description At least 10 characters; common passwords and ones built on the person's name or email are refused. */
            password: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set or remove a technician's PIN */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description null removes the PIN */
            pin: string | null;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reactivate a deactivated user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Owner: turn off a user's two-step verification (lost phone); their sessions end */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string | null;
              hasPassword: boolean;
              hasPin: boolean;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              name: string;
              /**
               * @description owner: everything; advisor: the counter; technician: the floor; parts: inventory
               * @enum {string}
               */
              role: 'owner' | 'advisor' | 'technician' | 'parts';
              totpEnabled: boolean;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Vehicles, newest first; filter by current owner */
    get: {
      parameters: {
        query: {
          /** @description UUIDv7 identifier */
          customerId?: string;
          limit: number;
          offset: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                body: string | null;
                color: string | null;
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                engine: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                licensePlate: string | null;
                make: string | null;
                model: string | null;
                notes: string;
                /** @description Highest reading on the current odometer. */
                odometer: number | null;
                /**
                 * @description Miles or kilometres.
                 * @enum {string}
                 */
                odometerUnit: 'mi' | 'km';
                plateRegion: string | null;
                telematicsId: string | null;
                trim: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
                vin: string | null;
                /** @description Why a VIN with a wrong check digit was kept, when it was. */
                vinCheckOverride: string | null;
                year: number | null;
              }[];
              /** @description Pass as `offset` for the next page. */
              nextOffset: number | null;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a vehicle (make, model and year are filled from the VIN when left out) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body?: string;
            color?: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            customerId: string;
            engine?: string;
            /** @description Stored upper case with letters and digits only: "abc-1234" becomes "ABC1234". */
            licensePlate?: string;
            /** @description Filled from the VIN when left out. */
            make?: string;
            /** @description Filled from the VIN when left out. */
            model?: string;
            notes?: string;
            /** @description Recorded as the first reading. */
            odometer?: number;
            /**
             * @description Miles or kilometres.
             * @enum {string}
             */
            odometerUnit?: 'mi' | 'km';
            /** @description a state or province code such as CA, ON or US-TX */
            plateRegion?: string;
            telematicsId?: string;
            trim?: string;
            /** @description 17 characters, letters (no I, O, Q) and digits; spaces around it and lower case are accepted. North-American VINs (first character 1-5) must have a correct check digit (position 9). */
            vin?: string;
            /** @description Keeps a North-American VIN whose check digit is wrong (e.g. "as stamped on the frame, title shows the same"). Stored with the vehicle and written to the audit log; ignored when the check digit is right. */
            vinCheckOverrideReason?: string;
            year?: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string | null;
              color: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              engine: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              licensePlate: string | null;
              make: string | null;
              model: string | null;
              notes: string;
              /** @description Highest reading on the current odometer. */
              odometer: number | null;
              /**
               * @description Miles or kilometres.
               * @enum {string}
               */
              odometerUnit: 'mi' | 'km';
              owner: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string | null;
                /** Format: date-time */
                since: string | null;
              };
              /** @description Newest first. */
              ownershipHistory: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string | null;
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string | null;
                /** Format: date-time */
                startedAt: string;
              }[];
              plateRegion: string | null;
              telematicsId: string | null;
              trim: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
              vin: string | null;
              /** @description Why a VIN with a wrong check digit was kept, when it was. */
              vinCheckOverride: string | null;
              year: number | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One vehicle with its current owner and ownership history */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string | null;
              color: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              engine: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              licensePlate: string | null;
              make: string | null;
              model: string | null;
              notes: string;
              /** @description Highest reading on the current odometer. */
              odometer: number | null;
              /**
               * @description Miles or kilometres.
               * @enum {string}
               */
              odometerUnit: 'mi' | 'km';
              owner: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string | null;
                /** Format: date-time */
                since: string | null;
              };
              /** @description Newest first. */
              ownershipHistory: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string | null;
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string | null;
                /** Format: date-time */
                startedAt: string;
              }[];
              plateRegion: string | null;
              telematicsId: string | null;
              trim: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
              vin: string | null;
              /** @description Why a VIN with a wrong check digit was kept, when it was. */
              vinCheckOverride: string | null;
              year: number | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a vehicle (send the version you read; null clears a field) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body?: string | null;
            color?: string | null;
            engine?: string | null;
            /** @description Stored upper case with letters and digits only: "abc-1234" becomes "ABC1234". */
            licensePlate?: string | null;
            make?: string | null;
            model?: string | null;
            notes?: string;
            /** @description a state or province code such as CA, ON or US-TX */
            plateRegion?: string | null;
            telematicsId?: string | null;
            trim?: string | null;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
            /** @description 17 characters, letters (no I, O, Q) and digits; spaces around it and lower case are accepted. North-American VINs (first character 1-5) must have a correct check digit (position 9). */
            vin?: string | null;
            /** @description Keeps a North-American VIN whose check digit is wrong (e.g. "as stamped on the frame, title shows the same"). Stored with the vehicle and written to the audit log; ignored when the check digit is right. */
            vinCheckOverrideReason?: string;
            year?: number | null;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string | null;
              color: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              engine: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              licensePlate: string | null;
              make: string | null;
              model: string | null;
              notes: string;
              /** @description Highest reading on the current odometer. */
              odometer: number | null;
              /**
               * @description Miles or kilometres.
               * @enum {string}
               */
              odometerUnit: 'mi' | 'km';
              owner: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string | null;
                /** Format: date-time */
                since: string | null;
              };
              /** @description Newest first. */
              ownershipHistory: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string | null;
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string | null;
                /** Format: date-time */
                startedAt: string;
              }[];
              plateRegion: string | null;
              telematicsId: string | null;
              trim: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
              vin: string | null;
              /** @description Why a VIN with a wrong check digit was kept, when it was. */
              vinCheckOverride: string | null;
              year: number | null;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/vehicles/{id}/deferred-work': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Declined and deferred work on the vehicle, newest first, for follow-up */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                amountCents: number;
                /** Format: date-time */
                decidedAt: string | null;
                decidedBy: string | null;
                description: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                jobId: string;
                jobTitle: string;
                /** @enum {string} */
                kind: 'labor' | 'part' | 'fee' | 'sublet';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                lineId: string;
                method: string | null;
                reason: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string;
                repairOrderNumber: number;
                /** Format: date-time */
                repairOrderOpenedAt: string;
                /** @enum {string} */
                state: 'declined' | 'deferred';
              }[];
              totalCents: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles/{id}/obd': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The vehicle's OBD scans (codes with descriptions) and odometer readings waiting for a confirmation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              descriptions: {
                available: boolean;
                problem: string | null;
              };
              /** @description OBD odometer readings lower than the last one, waiting for a confirmation */
              odometerHolds: {
                deviceId: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                /** Format: date-time */
                readAt: string;
                readingKm: number;
                /** @enum {string} */
                source: 'serial' | 'mqtt';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
              }[];
              /** @description Newest first, at most 20 */
              scans: {
                batteryVolts: number | null;
                codes: {
                  /** @description e.g. P0301 */
                  code: string;
                  /** @description Title of a generic code; null for a manufacturer-specific one or none on file */
                  description: string | null;
                  /** @enum {string} */
                  kind: 'stored' | 'pending' | 'permanent';
                  /** @enum {string} */
                  scope: 'generic' | 'manufacturer-specific';
                  /** @enum {string} */
                  system: 'Powertrain' | 'Chassis' | 'Body' | 'Network';
                }[];
                deviceId: string | null;
                freezeFrame: {
                  [key: string]: number | string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                milOn: boolean | null;
                odometerKm: number | null;
                /** @description false: the car (or dongle) gave no permanent codes list */
                permanentReported: boolean;
                protocol: string | null;
                readiness: {
                  dtcCount: number;
                  /** @enum {string} */
                  ignition: 'spark' | 'compression';
                  milOn: boolean;
                  monitors: {
                    complete: boolean;
                    name: string;
                  }[];
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string | null;
                /** Format: date-time */
                scannedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                scannedBy: string | null;
                /** @enum {string} */
                source: 'serial' | 'mqtt';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
                vin: string | null;
              }[];
              /** @description Whether an ELM327 adapter is configured (obdSerialPath) */
              serialConfigured: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles/{id}/obd-clear': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clear the car's codes (mode 04) with the server's adapter; needs confirm: true */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Must be true: clearing also resets the readiness monitors an emissions test needs */
            confirm: boolean;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              at: string;
              /** @enum {boolean} */
              cleared: true;
              protocol: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles/{id}/obd-scan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Scan the car with the server's ELM327 adapter and store the scan (on the open repair order) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            repairOrderId?: string;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              odometer: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                holdId: string | null;
                /** @enum {string} */
                status: 'recorded' | 'held-lower' | 'none';
              };
              scan: {
                batteryVolts: number | null;
                codes: {
                  /** @description e.g. P0301 */
                  code: string;
                  /** @description Title of a generic code; null for a manufacturer-specific one or none on file */
                  description: string | null;
                  /** @enum {string} */
                  kind: 'stored' | 'pending' | 'permanent';
                  /** @enum {string} */
                  scope: 'generic' | 'manufacturer-specific';
                  /** @enum {string} */
                  system: 'Powertrain' | 'Chassis' | 'Body' | 'Network';
                }[];
                deviceId: string | null;
                freezeFrame: {
                  [key: string]: number | string;
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                milOn: boolean | null;
                odometerKm: number | null;
                /** @description false: the car (or dongle) gave no permanent codes list */
                permanentReported: boolean;
                protocol: string | null;
                readiness: {
                  dtcCount: number;
                  /** @enum {string} */
                  ignition: 'spark' | 'compression';
                  milOn: boolean;
                  monitors: {
                    complete: boolean;
                    name: string;
                  }[];
                } | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string | null;
                /** Format: date-time */
                scannedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                scannedBy: string | null;
                /** @enum {string} */
                source: 'serial' | 'mqtt';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
                vin: string | null;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles/{id}/odometer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Odometer readings, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Newest first. */
              items: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                reading: number;
                /** Format: date-time */
                recordedAt: string;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                recordedBy: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                repairOrderId: string | null;
                /** @enum {string} */
                source: 'check-in' | 'manual' | 'obd' | 'appointment';
                /**
                 * @description Miles or kilometres.
                 * @enum {string}
                 */
                unit: 'mi' | 'km';
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                vehicleId: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Record an odometer reading (a lower one needs confirmLower) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Accept a reading below the last one (odometer or instrument cluster replaced). Audited. */
            confirmLower?: boolean;
            reading: number;
            /** @enum {string} */
            source?: 'check-in' | 'manual' | 'obd' | 'appointment';
            /**
             * @description Miles or kilometres.
             * @enum {string}
             */
            unit?: 'mi' | 'km';
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              reading: number;
              /** Format: date-time */
              recordedAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              recordedBy: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              repairOrderId: string | null;
              /** @enum {string} */
              source: 'check-in' | 'manual' | 'obd' | 'appointment';
              /**
               * @description Miles or kilometres.
               * @enum {string}
               */
              unit: 'mi' | 'km';
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              vehicleId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give the vehicle a new owner; its history stays with it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description UUIDv7 identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
            /**
             * Format: uuid
             * @description UUIDv7 identifier
             */
            toCustomerId: string;
            /** @description The version you last read; a stale version gets 409 with the current one. */
            version: number;
          };
        };
      };
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string | null;
              color: string | null;
              /** Format: date-time */
              createdAt: string;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              customerId: string;
              engine: string | null;
              /**
               * Format: uuid
               * @description UUIDv7 identifier
               */
              id: string;
              licensePlate: string | null;
              make: string | null;
              model: string | null;
              notes: string;
              /** @description Highest reading on the current odometer. */
              odometer: number | null;
              /**
               * @description Miles or kilometres.
               * @enum {string}
               */
              odometerUnit: 'mi' | 'km';
              owner: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string | null;
                /** Format: date-time */
                since: string | null;
              };
              /** @description Newest first. */
              ownershipHistory: {
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                customerId: string;
                customerName: string | null;
                /** Format: date-time */
                endedAt: string | null;
                /**
                 * Format: uuid
                 * @description UUIDv7 identifier
                 */
                id: string;
                note: string | null;
                /** Format: date-time */
                startedAt: string;
              }[];
              plateRegion: string | null;
              telematicsId: string | null;
              trim: string | null;
              /** Format: date-time */
              updatedAt: string;
              version: number;
              vin: string | null;
              /** @description Why a VIN with a wrong check digit was kept, when it was. */
              vinCheckOverride: string | null;
              year: number | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vin/{vin}/decode': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check a VIN and decode it offline (NHTSA vPIC data): year, make, model, trim, engine, body */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          vin: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 9457 problem details */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              detail: string;
              errors?: {
                message: string;
                path: string;
              }[];
              instance?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string | null;
              /** @description North-American VIN (first character 1-5). */
              checkDigitRequired: boolean;
              checkDigitValid: boolean;
              country: string | null;
              cylinders: number | null;
              /** @description The vPIC data knew this model; false when at most the maker is known. */
              decoded: boolean;
              displacementLiters: number | null;
              doors: number | null;
              driveType: string | null;
              engine: string | null;
              expectedCheckDigit: string;
              fuelType: string | null;
              make: string | null;
              manufacturer: string | null;
              model: string | null;
              /** @description Why the VIN is not valid, when it is not. */
              problem: string | null;
              series: string | null;
              transmission: string | null;
              trim: string | null;
              /** @description Accepted as is by POST /api/vehicles (no override needed). */
              valid: boolean;
              vehicleType: string | null;
              /** @description Normalized: trimmed, upper case. */
              vin: string;
              warnings: string[];
              year: number | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

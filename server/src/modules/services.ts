import type { ApprovalsService } from './approvals/approvals.service.js';
import type { AppointmentsService } from './appointments/appointments.service.js';
import type { AuditService } from './audit/audit.service.js';
import type { AuthService } from './auth/auth.service.js';
import type { SessionsService } from './auth/sessions.service.js';
import type { BackupService } from './backup/backup.service.js';
import type { BaySensorsService } from './bay-sensors/bay-sensors.service.js';
import type { BaysService } from './bays/bays.service.js';
import type { BillingService } from './billing/billing.service.js';
import type { PaymentsService } from './billing/payments.service.js';
import type { CustomersService } from './customers/customers.service.js';
import type { DeviceGateway } from './devices/device-gateway.js';
import type { DisplayService } from './display/display.service.js';
import type { InspectionsService } from './inspections/inspections.service.js';
import type { InventoryService } from './inventory/inventory.service.js';
import type { KiosksService } from './kiosks/kiosks.service.js';
import type { PurchasingService } from './inventory/purchasing.service.js';
import type { NotificationsService } from './notifications/notifications.service.js';
import type { OffsiteFilesService } from './offsite-files/offsite-files.service.js';
import type { PrintingService } from './printing/printing.service.js';
import type { RealtimeService } from './realtime/realtime.service.js';
import type { KioskCheckInService } from './kiosk-check-in/kiosk-check-in.service.js';
import type { LanHttps } from './remote-access/lan-https.js';
import type { RemoteAccessService } from './remote-access/remote-access.service.js';
import type { CannedJobsService } from './repair-orders/canned-jobs.service.js';
import type { JobsService } from './repair-orders/jobs.service.js';
import type { RepairOrdersService } from './repair-orders/repair-orders.service.js';
import type { ReportsService } from './reports/reports.service.js';
import type { SearchService } from './search/search.service.js';
import type { SettingsService } from './settings/settings.service.js';
import type { SystemService } from './system/system.service.js';
import type { TechniciansService } from './technicians/technicians.service.js';
import type { TimeclockService } from './timeclock/timeclock.service.js';
import type { UsersService } from './users/users.service.js';
import type { VehiclesService } from './vehicles/vehicles.service.js';

/**
 * The services modules give each other, by name. A module's definition names the ones it needs
 * and the ones it gives (see module.ts); the app hands them over in its list order.
 */
export interface Services {
  audit: AuditService;
  system: SystemService;
  sessions: SessionsService;
  users: UsersService;
  settings: SettingsService;
  auth: AuthService;
  technicians: TechniciansService;
  bays: BaysService;
  customers: CustomersService;
  vehicles: VehiclesService;
  repairOrders: RepairOrdersService;
  /** The repair-orders module's service jobs (status machine, job board) and job templates. */
  jobs: JobsService;
  cannedJobs: CannedJobsService;
  appointments: AppointmentsService;
  search: SearchService;
  notifications: NotificationsService;
  inspections: InspectionsService;
  approvals: ApprovalsService;
  inventory: InventoryService;
  purchasing: PurchasingService;
  billing: BillingService;
  payments: PaymentsService;
  timeclock: TimeclockService;
  reports: ReportsService;
  backup: BackupService;
  offsiteFiles: OffsiteFilesService;
  lanHttps: LanHttps;
  remoteAccess: RemoteAccessService;
  displays: DisplayService;
  realtime: RealtimeService;
  /** The shop floor's devices (devices module): reports by kind and channel, bay state, commands. */
  deviceGateway: DeviceGateway;
  baySensors: BaySensorsService;
  /** The check-in kiosks (kiosks module): token checks, each kiosk's label printer, whether one is paired. */
  kiosks: Pick<KiosksService, 'authenticate' | 'labelPrinterOf' | 'anyPaired'>;
  /** Label printers and the durable print queue (key tags, oil stickers, bin labels). */
  printing: PrintingService;
  /** The check-in kiosk's check-ins, and the check-in code of an appointment's reminder. */
  kioskCheckIn: KioskCheckInService;
}

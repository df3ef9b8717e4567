import type { ApprovalsTables } from './approvals.js';
import type { AppointmentsTables } from './appointments.js';
import type { AuditTables } from './audit.js';
import type { AuthTables } from './auth.js';
import type { BackupTables } from './backup.js';
import type { BaySensorsTables } from './bay-sensors.js';
import type { KioskCheckInTables } from './kiosk-check-in.js';
import type { BaysTables } from './bays.js';
import type { BillingTables } from './billing.js';
import type { CustomersTables } from './customers.js';
import type { DbTables } from './db.js';
import type { DevicesTables } from './devices.js';
import type { DisplayTables } from './display.js';
import type { InspectionsTables } from './inspections.js';
import type { InventoryTables } from './inventory.js';
import type { KiosksTables } from './kiosks.js';
import type { NotificationsTables } from './notifications.js';
import type { ObdTables } from './obd.js';
import type { OffsiteFilesTables } from './offsite-files.js';
import type { PrintingTables } from './printing.js';
import type { RepairOrdersPublishedViews, RepairOrdersTables } from './repair-orders.js';
import type { SearchTables } from './search.js';
import type { SettingsTables } from './settings.js';
import type { SystemTables } from './system.js';
import type { TechniciansTables } from './technicians.js';
import type { TimeclockTables } from './timeclock.js';
import type { UsersTables } from './users.js';
import type { VehiclesTables } from './vehicles.js';

/*
 * TABLE OWNERSHIP: the contract.
 *
 * Every file in this folder is named after the module that owns the tables it declares
 * (server/src/modules/<name>/), and lists them in one `<Name>Tables` interface. A table is declared
 * in exactly one file. db.ts holds the database layer's own tables (counters), which modules use
 * only through server/src/db (takeNextNumber), never by name.
 *
 * 1. A module's tables are its own: its files read and write them, and nobody else does.
 * 2. Another module gets at them through the owner's service (a method that says what it answers),
 *    or in a named read-model file:
 *      - `<name>-report-facts.ts`: the facts the reports module aggregates over several modules;
 *      - `<name>-read-model.ts`: one query the owner publishes for a reader that needs a join
 *        across modules (the hot session lookup, the search index sync), handed to the reader
 *        where the app is wired.
 *    A read-model file reads. It never writes a table that is not its module's.
 * 3. A `<Name>PublishedViews` interface lists the SQL views a module publishes for others to read
 *    (reserved_stock): the owner keeps the view true to its tables; readers never see those tables.
 * 4. Migrations (db/migrations) create everyone's tables and are exempt; SQL views and triggers
 *    that cross modules belong to the module that publishes them.
 *
 * server/test/unit/table-ownership.test.ts reads this folder to learn who owns what and fails when
 * a file under server/src/modules touches another module's table: by Kysely table name
 * (selectFrom, insertInto, updateTable, deleteFrom, joins, withTables), by a 'table.column'
 * reference, or in SQL text (FROM / JOIN / INTO / UPDATE). It also checks that every table a
 * migration creates has exactly one owner here, and that no runtime import cycle runs through
 * server/src.
 */

/** The whole database as Kysely sees it: every module's tables, assembled in one place. */
export interface DB
  extends
    UsersTables,
    AuthTables,
    AuditTables,
    DbTables,
    SettingsTables,
    TechniciansTables,
    BaysTables,
    BaySensorsTables,
    DisplayTables,
    DevicesTables,
    CustomersTables,
    VehiclesTables,
    RepairOrdersTables,
    RepairOrdersPublishedViews,
    AppointmentsTables,
    SearchTables,
    InspectionsTables,
    ApprovalsTables,
    NotificationsTables,
    InventoryTables,
    BillingTables,
    TimeclockTables,
    BackupTables,
    OffsiteFilesTables,
    PrintingTables,
    KiosksTables,
    SystemTables,
    ObdTables,
    KioskCheckInTables {}

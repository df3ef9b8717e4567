import type { Migration } from 'kysely';
import * as identity from './0001-identity.js';
import * as shopCoreEntities from './0002-shop-core-entities.js';
import * as shopSetup from './0003-shop-setup.js';
import * as customers from './0004-customers.js';
import * as vehicles from './0005-vehicles.js';
import * as repairOrders from './0006-repair-orders.js';
import * as appointments from './0007-appointments.js';
import * as search from './0008-search.js';
import * as trust from './0009-trust.js';
import * as inventory from './0010-inventory.js';
import * as billing from './0011-billing.js';
import * as timeclock from './0012-timeclock.js';
import * as reportIndexes from './0013-report-indexes.js';
import * as reservedStockView from './0014-reserved-stock-view.js';
import * as reportSpeed from './0015-report-speed.js';
import * as appliance from './0016-appliance.js';
import * as reportDayFacts from './0017-report-day-facts.js';
import * as writeProbe from './0018-write-probe.js';
import * as odometerOut from './0019-odometer-out.js';
import * as partsCost from './0020-parts-cost.js';
import * as devices from './0021-devices.js';
import * as obd from './0022-obd.js';
import * as printing from './0023-printing.js';
import * as baySensors from './0024-bay-sensors.js';
import * as kiosks from './0025-kiosks.js';
import * as kioskCheckIn from './0026-kiosk-check-in.js';
import * as homeAssistantDevices from './0028-home-assistant-devices.js';

/**
 * Every migration this build knows, in order. Forward-only: never edit or remove a shipped entry,
 * add a new one. The name is what the database records.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-identity': identity,
  '0002-shop-core-entities': shopCoreEntities,
  '0003-shop-setup': shopSetup,
  '0004-customers': customers,
  '0005-vehicles': vehicles,
  '0006-repair-orders': repairOrders,
  '0007-appointments': appointments,
  '0008-search': search,
  '0009-trust': trust,
  '0010-inventory': inventory,
  '0011-billing': billing,
  '0012-timeclock': timeclock,
  '0013-report-indexes': reportIndexes,
  '0014-reserved-stock-view': reservedStockView,
  '0015-report-speed': reportSpeed,
  '0016-appliance': appliance,
  '0017-report-day-facts': reportDayFacts,
  '0018-write-probe': writeProbe,
  '0019-odometer-out': odometerOut,
  '0020-parts-cost': partsCost,
  '0021-devices': devices,
  '0022-obd': obd,
  '0023-printing': printing,
  '0024-bay-sensors': baySensors,
  '0025-kiosks': kiosks,
  '0026-kiosk-check-in': kioskCheckIn,
  '0028-home-assistant-devices': homeAssistantDevices,
};

/**
 * What the "new repair order" screen keeps in its persisted draft: everything typed, so a Wi-Fi
 * drop or a closed tab at the counter loses nothing. Plain data only (it goes to localStorage).
 */
export interface NewCustomerValues {
  name: string;
  phone: string;
  email: string;
  /** The advisor said the duplicate warning is about someone else. */
  confirmDuplicate: boolean;
}

export interface NewVehicleValues {
  vin: string;
  year: string;
  make: string;
  model: string;
  trim: string;
  engine: string;
  licensePlate: string;
  plateRegion: string;
  /** Shown once the VIN's check digit is known to be wrong: why it is kept as written. */
  showOverride: boolean;
  overrideReason: string;
}

export interface NewRepairOrderDraft {
  customer: { id: string; name: string } | null;
  vehicle: { id: string; label: string } | null;
  newCustomer: NewCustomerValues | null;
  newVehicle: NewVehicleValues | null;
  concerns: string;
  odometer: string;
  promised: string;
  waiter: boolean;
}

export function emptyNewCustomer(name = ''): NewCustomerValues {
  return { name, phone: '', email: '', confirmDuplicate: false };
}

export function emptyNewVehicle(): NewVehicleValues {
  return {
    vin: '',
    year: '',
    make: '',
    model: '',
    trim: '',
    engine: '',
    licensePlate: '',
    plateRegion: '',
    showOverride: false,
    overrideReason: '',
  };
}

export const EMPTY_NEW_REPAIR_ORDER: NewRepairOrderDraft = {
  customer: null,
  vehicle: null,
  newCustomer: null,
  newVehicle: null,
  concerns: '',
  odometer: '',
  promised: '',
  waiter: false,
};

/** How a vehicle reads in a list: "2003 Honda Accord · ABC1234". */
export function vehicleLabel(v: {
  year: number | null;
  make: string | null;
  model: string | null;
  licensePlate: string | null;
  vin: string | null;
}): string {
  const name = [v.year, v.make, v.model].filter((part) => part !== null && part !== '').join(' ');
  const id = v.licensePlate ?? (v.vin ? `VIN …${v.vin.slice(-6)}` : null);
  return [name || 'Vehicle', id].filter(Boolean).join(' · ');
}

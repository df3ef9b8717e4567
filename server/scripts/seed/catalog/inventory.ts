/**
 * Stock parts on the shelf: what a general repair shop keeps so an oil change or a brake job does
 * not wait for the parts truck. Costs and prices in integer cents.
 */
export type StockCategory =
  | 'oil'
  | 'oil-filter'
  | 'air-filter'
  | 'cabin-filter'
  | 'wiper'
  | 'battery'
  | 'brake-pads'
  | 'coolant'
  | 'brake-fluid'
  | 'atf'
  | 'bulb'
  | 'valve-stem'
  | 'wheel-weights'
  | 'spark-plug'
  | 'refrigerant';

export interface StockItem {
  category: StockCategory;
  sku: string;
  name: string;
  costCents: number;
  sellCents: number;
  reorderLevel: number;
}

const item = (
  category: StockCategory,
  sku: string,
  name: string,
  costCents: number,
  sellCents: number,
  reorderLevel = 4,
): StockItem => ({ category, sku, name, costCents, sellCents, reorderLevel });

export const STOCK_ITEMS: readonly StockItem[] = [
  item('oil', 'OIL-0W20-SYN', 'Engine oil 0W-20 full synthetic, 1 qt', 520, 1150, 48),
  item('oil', 'OIL-5W30-SYN', 'Engine oil 5W-30 full synthetic, 1 qt', 540, 1150, 48),
  item('oil', 'OIL-5W20-SYN', 'Engine oil 5W-20 full synthetic, 1 qt', 530, 1150, 36),
  item('oil', 'OIL-5W30-BLD', 'Engine oil 5W-30 synthetic blend, 1 qt', 360, 850, 36),
  item('oil', 'OIL-0W16-SYN', 'Engine oil 0W-16 full synthetic, 1 qt', 610, 1295, 12),
  item('oil-filter', 'PH3614', 'Oil filter PH3614', 420, 995, 12),
  item('oil-filter', 'PH7317', 'Oil filter PH7317', 410, 995, 12),
  item('oil-filter', 'PH3506', 'Oil filter PH3506', 430, 995, 10),
  item('oil-filter', 'CH10358', 'Cartridge oil filter CH10358', 690, 1495, 8),
  item('oil-filter', 'PF64', 'Oil filter PF64 (GM)', 560, 1295, 10),
  item('oil-filter', 'FL-820S', 'Oil filter FL-820S (Ford)', 520, 1195, 10),
  item('oil-filter', 'TOY-90915', 'Oil filter 90915-YZZF2 (Toyota)', 480, 1095, 10),
  item('air-filter', 'AF-CA10171', 'Engine air filter CA10171', 1150, 2895),
  item('air-filter', 'AF-CA11206', 'Engine air filter CA11206', 1290, 3195),
  item('air-filter', 'AF-CA10755', 'Engine air filter CA10755', 1210, 2995),
  item('air-filter', 'AF-CA12050', 'Engine air filter CA12050', 1380, 3395),
  item('cabin-filter', 'CF-CF10134', 'Cabin air filter CF10134', 1190, 3495),
  item('cabin-filter', 'CF-CF11182', 'Cabin air filter CF11182', 1240, 3495),
  item('cabin-filter', 'CF-CF12157', 'Cabin air filter CF12157', 1320, 3695),
  item('wiper', 'WB-16', 'Wiper blade 16"', 720, 1895, 6),
  item('wiper', 'WB-18', 'Wiper blade 18"', 740, 1895, 6),
  item('wiper', 'WB-20', 'Wiper blade 20"', 760, 1995, 6),
  item('wiper', 'WB-22', 'Wiper blade 22"', 780, 1995, 8),
  item('wiper', 'WB-24', 'Wiper blade 24"', 800, 2095, 8),
  item('wiper', 'WB-26', 'Wiper blade 26"', 820, 2195, 8),
  item('battery', 'BAT-24F', 'Battery group 24F, 710 CCA', 10_900, 18_995, 2),
  item('battery', 'BAT-35', 'Battery group 35, 640 CCA', 9_900, 17_495, 3),
  item('battery', 'BAT-48-AGM', 'Battery group 48 (H6) AGM, 760 CCA', 15_900, 26_995, 3),
  item('battery', 'BAT-65', 'Battery group 65, 850 CCA', 12_400, 21_495, 2),
  item('battery', 'BAT-94R-AGM', 'Battery group 94R (H7) AGM, 850 CCA', 17_900, 29_995, 2),
  item('brake-pads', 'BP-D1210', 'Ceramic brake pads D1210', 2_900, 7_495, 2),
  item('brake-pads', 'BP-D1324', 'Ceramic brake pads D1324', 3_100, 7_995, 2),
  item('brake-pads', 'BP-D1367', 'Ceramic brake pads D1367', 3_400, 8_495, 2),
  item('brake-pads', 'BP-D1414', 'Ceramic brake pads D1414', 3_600, 8_995, 2),
  item('coolant', 'CLT-DEX-GAL', 'Coolant, Dex-Cool 50/50, 1 gal', 1_450, 2_995, 6),
  item('coolant', 'CLT-UNIV-GAL', 'Coolant, universal 50/50, 1 gal', 1_250, 2_795, 6),
  item('brake-fluid', 'BF-DOT3-QT', 'Brake fluid DOT 3, 1 qt', 690, 1_695, 6),
  item('brake-fluid', 'BF-DOT4-QT', 'Brake fluid DOT 4, 1 qt', 890, 1_995, 6),
  item('atf', 'ATF-MV-QT', 'Automatic transmission fluid, multi-vehicle, 1 qt', 680, 1_595, 12),
  item('atf', 'ATF-WS-QT', 'ATF WS (Toyota), 1 qt', 890, 1_895, 8),
  item('atf', 'ATF-DEX6-QT', 'ATF Dexron VI, 1 qt', 720, 1_695, 12),
  item('bulb', 'BLB-H11', 'Headlight bulb H11', 890, 2_495, 4),
  item('bulb', 'BLB-9005', 'Headlight bulb 9005', 790, 2_295, 4),
  item('bulb', 'BLB-7443', 'Tail/brake bulb 7443', 190, 695, 10),
  item('valve-stem', 'VS-TR413', 'Valve stem TR413', 45, 395, 40),
  item('valve-stem', 'TPMS-SVC', 'TPMS service kit', 310, 995, 20),
  item('wheel-weights', 'WW-ADH', 'Adhesive wheel weights (per wheel)', 60, 295, 50),
  item('spark-plug', 'SP-ILZKR7', 'Iridium spark plug ILZKR7B11', 890, 1_995, 16),
  item('spark-plug', 'SP-41-962', 'Iridium spark plug 41-962', 820, 1_895, 16),
  item('spark-plug', 'SP-SP-546', 'Platinum spark plug SP-546', 740, 1_795, 16),
  item('refrigerant', 'REF-1234YF-OZ', 'Refrigerant R-1234yf (per oz)', 320, 900, 32),
  item('refrigerant', 'REF-134A-OZ', 'Refrigerant R-134a (per oz)', 60, 350, 32),
];

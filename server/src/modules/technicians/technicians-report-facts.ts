import type { Db } from '../../db/database.js';
import type { PayBasis } from '../../db/tables/technicians.js';

/** What the reports module reads about technicians (the contract): who, and how they are paid. */
export interface TechnicianFact {
  id: string;
  name: string;
  active: boolean;
  /** Cents per hour: per clocked-in hour (hourly) or per billed hour (flat rate). */
  payRateCents: number;
  payBasis: PayBasis;
}

export class TechniciansReportFacts {
  constructor(private readonly db: Db) {}

  async all(): Promise<TechnicianFact[]> {
    const rows = await this.db
      .selectFrom('technicians')
      .select(['id', 'name', 'active', 'pay_rate_cents', 'pay_basis'])
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      active: row.active === 1,
      payRateCents: row.pay_rate_cents,
      payBasis: row.pay_basis,
    }));
  }
}

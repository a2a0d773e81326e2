import type { DataSource, Repository } from 'typeorm';

export interface Customer {
  id?: number;
  email: string;
}

export interface Wallet {
  id?: number;
  owner: Customer;
  balanceCents: number;
}

/** Customers and their wallets, through TypeORM repositories. */
export class AccountService {
  readonly #dataSource: DataSource;
  readonly #customers: Repository<Customer>;
  readonly #wallets: Repository<Wallet>;

  constructor(dataSource: DataSource, customers: Repository<Customer>, wallets: Repository<Wallet>) {
    this.#dataSource = dataSource;
    this.#customers = customers;
    this.#wallets = wallets;
  }

  /** Opens an account: the wallet row references the customer, whose id exists only once it is saved. */
  async open(email: string) {
    const customer: Customer = { email };
    const [saved, wallet] = await Promise.all([
      this.#customers.save(customer),
      this.#wallets.save({ owner: customer, balanceCents: 0 }), // expect: no-concurrent-dependent-writes — the wallet references the customer being saved
    ]);
    return { saved, wallet };
  }

  /** Renames two customers at once: different records. */
  async renameBoth(first: number, second: number, email: string) {
    await Promise.all([
      this.#customers.update({ id: first }, { email }),
      this.#customers.update({ id: second }, { email }), // ok: no-concurrent-dependent-writes — different keys
    ]);
  }

  /** Credits a bonus and closes the welcome offer, in one transaction: the manager runs both on one connection. */
  async grantBonus(walletId: number) {
    await this.#dataSource.transaction(async (manager) => {
      await Promise.all([
        manager.increment('Wallet', { id: walletId }, 'balanceCents', 500),
        manager.update('Offer', { walletId }, { used: true }), // ok: no-concurrent-dependent-writes — inside a transaction, on one connection
      ]);
    });
  }

  /** Resets a wallet while reading it back: the read may see the old balance or the new one. */
  async reset(walletId: number) {
    const [, wallet] = await Promise.all([
      this.#wallets.update({ id: walletId }, { balanceCents: 0 }),
      this.#wallets.findOneBy({ id: walletId }), // expect: no-concurrent-dependent-writes — reads the row being written
    ]);
    return wallet;
  }
}

/** The sync of a shop stopped because this process no longer holds its lease (src/sync/leased-sync.ts). */
export class LeaseLostError extends Error {
  constructor(shopId: number) {
    super(`stopped syncing shop ${shopId}: its sync lease was lost (another replica may take it over)`);
    this.name = "LeaseLostError";
  }
}

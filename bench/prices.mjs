// Cloudflare's published list prices (Workers Paid plan), in US dollars, as of 2025, beyond the
// amounts the plan includes each month. Update them here; the cost table and the figures of
// docs/performance.md#the-cost-of-a-million-runs follow. Sources:
//   https://developers.cloudflare.com/workers/platform/pricing/
//   https://developers.cloudflare.com/durable-objects/platform/pricing/
//   https://developers.cloudflare.com/d1/platform/pricing/
//   https://developers.cloudflare.com/queues/platform/pricing/
//   https://developers.cloudflare.com/workflows/reference/pricing/
export const PRICES = {
  asOf: "2025 list prices (Workers Paid)",
  workers: {
    perMillionRequests: 0.3,
    perMillionCpuMs: 0.02,
  },
  durableObjects: {
    perMillionRequests: 0.15,
    perMillionGbSeconds: 12.5,
    /** Duration is billed on the 128 MB an object is given, whatever it uses. */
    memoryGb: 0.125,
    sqlite: {
      perMillionRowsRead: 0.001,
      perMillionRowsWritten: 1.0,
      perGbMonth: 0.2,
    },
  },
  d1: {
    perMillionRowsRead: 0.001,
    perMillionRowsWritten: 1.0,
    perGbMonth: 0.75,
  },
  queues: {
    /** An operation is 64 KB written, read or deleted: a small message is three. */
    perMillionOperations: 0.4,
    operationBytes: 64 * 1024,
  },
  workflows: {
    /** Workflows bill as Workers (requests, CPU) plus the state they keep. */
    perGbMonth: 0.2,
  },
};

/** What the plan includes each month (the table prices usage beyond it). */
export const INCLUDED = {
  workerRequests: 10_000_000,
  workerCpuMs: 30_000_000,
  doRequests: 1_000_000,
  doGbSeconds: 400_000,
  doRowsRead: 25_000_000_000,
  doRowsWritten: 50_000_000,
  doStorageGb: 5,
  d1RowsRead: 25_000_000_000,
  d1RowsWritten: 50_000_000,
  d1StorageGb: 5,
  queueOperations: 1_000_000,
  workflowsStorageGb: 1,
  monthlyBase: 5,
};

/** A workflow version as the dialects name it: an opaque string, the same in every dialect. */
export const versionId = (workflowId: string, version: number) => `${workflowId}:v${version}`;

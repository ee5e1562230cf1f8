import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const HEADER = `/**
 * The types of the OpenAPI document Stepline serves at /openapi.json, made by openapi-typescript.
 * Do not edit: \`npm run client:generate\` writes it again, and test/e2e/client.test.ts fails
 * when it no longer matches the served document.
 */

`;

type RunSchema = { components: { schemas: { Run: { properties: { status: { enum: string[] } } } } } };

/** The TypeScript (`paths`, `components`, `operations`) of an OpenAPI 3.1 document, and its run statuses. */
export async function typesFromDocument(document: object): Promise<string> {
  return HEADER + astToString(await openapiTS(document as OpenAPI3)) + runStatuses(document as RunSchema);
}

/** The run statuses as a value as well as a type, so that a list of them is never written by hand. */
function runStatuses(document: RunSchema): string {
  const statuses = JSON.stringify(document.components.schemas.Run.properties.status.enum);
  return `\n/** Every status a run can have, in the document's order. */\nexport const RUN_STATUSES = ${statuses} as const satisfies readonly components["schemas"]["Run"]["status"][];\n`;
}

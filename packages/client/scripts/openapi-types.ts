import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const HEADER = `/**
 * The types of the OpenAPI document Stepline serves at /openapi.json, made by openapi-typescript.
 * Do not edit: \`npm run client:generate\` writes it again, and test/e2e/client.test.ts fails
 * when it no longer matches the served document.
 */

`;

/** The TypeScript (`paths`, `components`, `operations`) of an OpenAPI 3.1 document. */
export async function typesFromDocument(document: object): Promise<string> {
  return HEADER + astToString(await openapiTS(document as OpenAPI3));
}

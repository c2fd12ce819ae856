// The intermediate model (IR): plain, JSON-serialisable data with every OpenAPI default resolved.
// Emitters read only this; nothing downstream looks at the raw document again.

export const IR_VERSION = 3;

export interface ApiModel {
  readonly irVersion: typeof IR_VERSION;
  readonly title: string;
  /** `info.version`: for Stripe, the API version sent as `Stripe-Version`. */
  readonly apiVersion: string;
  /** `openapi` field of the source document, e.g. `3.0.0`. */
  readonly openapi: string;
  readonly servers: readonly Server[];
  /** The vendor profile whose conventions were applied (generator/profiles/), or `generic`. */
  readonly profile: string;
  /** Header that carries `apiVersion` on every request (`Stripe-Version` for Stripe), or null for none. */
  readonly versionHeader: string | null;
  /** The profile's runtime module (Stripe's account option, errors and webhooks), or null for none. */
  readonly runtimeModule: RuntimeModule | null;
  /**
   * How the client names itself in its User-Agent, before the generator (`github-v3-rest-api/1.1.4`,
   * from the title and version), or null where the profile sends the generator's name alone (Stripe).
   */
  readonly userAgentName: string | null;
  /** The security schemes the client takes credentials for (the profile's, where it has its own), sorted by name. */
  readonly securitySchemes: readonly SecurityScheme[];
  /** The document's `security` (the profile's, where it has its own); `[]` when it declares none. */
  readonly security: Security;
  /** Sorted by resource path, then method name. */
  readonly operations: readonly Operation[];
  /** Component schemas, sorted by name. */
  readonly schemas: readonly NamedSchema[];
  /** Webhook event types the spec names (for Stripe: generator/profiles/stripe/events.ts), sorted by type. */
  readonly events: readonly EventType[];
}

/**
 * A vendor's runtime module: `templates/runtime/vendors/<dir>/index.ts`, whose `Vendor` export is
 * named `conventions`, and whose `rawRequest` (the vendor's way of sending a raw call's params), if
 * it has its own, is named `rawRequest`.
 */
export interface RuntimeModule {
  readonly dir: string;
  readonly conventions: string;
  readonly rawRequest?: string;
}

export interface EventType {
  /** The event's `type`, e.g. `financial_connections.account.refreshed_balance`. */
  readonly type: string;
  /** What `data.object` holds: a component reference, or `unknown` when the spec names none. */
  readonly object: Schema;
  /** `data.previous_attributes` holds the changed fields' earlier values (Stripe's `*.updated` events). */
  readonly previousAttributes: boolean;
}

export interface Server {
  readonly url: string;
  readonly description?: string;
}

/**
 * A security scheme, by its name under `components/securitySchemes`; `option` is the client option
 * holding its credential (naming/credential-options.ts).
 */
export type SecurityScheme = { readonly name: string; readonly option: string } & (
  | { readonly type: 'http'; readonly scheme: 'bearer' | 'basic' | string }
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly paramName: string }
  | { readonly type: 'oauth2' | 'openIdConnect' | 'mutualTLS' }
);

/**
 * Security requirements as OpenAPI writes them: alternatives, each the names of the schemes used
 * together (an AND); an empty alternative, or none at all, lets a call go without credentials.
 */
export type Security = readonly (readonly string[])[];

export interface NamedSchema {
  /** Name under `components/schemas`. */
  readonly name: string;
  /** The exported TypeScript type name. */
  readonly typeName: string;
  readonly schema: Schema;
}

interface SchemaCommon {
  readonly description?: string;
  readonly nullable: boolean;
  readonly deprecated?: boolean;
}

export type Schema =
  | RefSchema
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | EnumSchema
  | ArraySchema
  | ObjectSchema
  | UnionSchema
  | IntersectionSchema
  | UnknownSchema;

export type SchemaKind = Schema['kind'];

/** A named component, kept by name so type names survive and cycles end. */
export interface RefSchema extends SchemaCommon {
  readonly kind: 'ref';
  readonly target: string;
  /**
   * Stripe's `x-expandableFields` written beside the `$ref`: fields that expand where the target
   * is used here, on top of the target's own (Stripe's slices put a list's `[data]` there).
   */
  readonly expandableFields?: readonly string[];
}

export interface StringSchema extends SchemaCommon {
  readonly kind: 'string';
  readonly format?: string;
}

export interface NumberSchema extends SchemaCommon {
  readonly kind: 'integer' | 'number';
  /** `unix-time` marks Stripe's timestamps (seconds since the epoch). */
  readonly format?: string;
}

export interface BooleanSchema extends SchemaCommon {
  readonly kind: 'boolean';
}

export interface EnumSchema extends SchemaCommon {
  readonly kind: 'enum';
  readonly values: readonly (string | number | boolean)[];
}

export interface ArraySchema extends SchemaCommon {
  readonly kind: 'array';
  readonly items: Schema;
}

export interface ObjectSchema extends SchemaCommon {
  readonly kind: 'object';
  readonly properties: readonly Property[];
  /** `false` closes the object; a schema types the extra values. */
  readonly additionalProperties: Schema | boolean;
  /** Stripe's `x-expandableFields`. */
  readonly expandableFields: readonly string[];
  /** Stripe's `x-resourceId`. */
  readonly resourceId?: string;
  readonly title?: string;
  /** The runtime's generic envelope this object is, over its `data` items, as the profile recognised it. */
  readonly envelope?: Envelope;
}

/** Generic envelopes the runtime declares (`ListObject<Item>`, `SearchResult<Item>`). */
export type Envelope = 'ListObject' | 'SearchResult';

export interface Property {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
  /** Stripe's `x-expansionResources`: what an id in this field expands to. */
  readonly expansionResources?: readonly Schema[];
}

/** `anyOf` and `oneOf` (the difference does not change a TypeScript type). */
export interface UnionSchema extends SchemaCommon {
  readonly kind: 'union';
  readonly variants: readonly Schema[];
  readonly discriminator?: { readonly property: string; readonly mapping: Readonly<Record<string, string>> };
}

/** `allOf`. */
export interface IntersectionSchema extends SchemaCommon {
  readonly kind: 'intersection';
  readonly parts: readonly Schema[];
  /**
   * Properties a part declares as an array of open items (a generic wrapper's `data: object[]`)
   * while another part gives the items' own type (`data: Station[]`): left out of that part, so
   * the specific item type is the one read (`Omit<WrapperCollection, 'data'> & { data?: Station[] }`).
   */
  readonly omitted?: readonly { readonly part: number; readonly properties: readonly string[] }[];
}

export interface UnknownSchema extends SchemaCommon {
  readonly kind: 'unknown';
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly style: string;
  readonly explode: boolean;
  readonly schema: Schema;
  readonly description?: string;
  readonly deprecated?: boolean;
}

/** How a body of one media type is written (templates/runtime/body.ts has one encoding per kind). */
export type BodyKind = 'json' | 'form' | 'multipart' | 'raw';

/** A request body in one media type. */
export interface BodyContent {
  readonly mediaType: string;
  /** JSON (`application/json`, `+json` types), a form, multipart, or raw bytes/text (anything else). */
  readonly kind: BodyKind;
  readonly schema: Schema;
  /** Per-property encoding from the media type's `encoding` map (form and multipart). */
  readonly encoding: Readonly<Record<string, { readonly style: string; readonly explode: boolean }>>;
}

/** The request body: its preferred media type, and the others the caller may choose instead. */
export interface RequestBody extends BodyContent {
  readonly required: boolean;
  /**
   * The params field that holds the whole body (`body`), for a body that is not a plain object, is
   * offered in several media types, or has a property named like a query or header parameter;
   * absent when the body's properties are params of their own (`create({ name, email })`).
   */
  readonly param?: string;
  /** The other media types the operation accepts, in the spec's order (chosen by `contentType`). */
  readonly alternatives?: readonly BodyContent[];
  /** Nested form and multipart values in bracket notation (`a[b][0]=x`): the profile's convention (Stripe's), not OpenAPI's. */
  readonly brackets?: true;
}

export interface Response {
  /** HTTP status code or `default`. */
  readonly status: string;
  readonly mediaType?: string;
  readonly schema?: Schema;
  readonly description?: string;
  /** It may also answer `text/event-stream` (Server-Sent Events): its events' data, when another media type comes first. */
  readonly eventStream?: true;
  /** The schema of those events' data, when the stream is not the first media type and declares one. */
  readonly eventSchema?: Schema;
}

export interface Operation {
  readonly operationId: string;
  readonly method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';
  readonly path: string;
  /** The operation's own server URL (operation- or path-level `servers`), when it has one. */
  readonly server?: string;
  /** Client path, e.g. `['financialConnections', 'accounts']`. */
  readonly resource: readonly string[];
  /** Method on that resource, e.g. `listOwners`. */
  readonly methodName: string;
  /** Exported standalone function, e.g. `financialConnectionsAccountsListOwners`. */
  readonly functionName: string;
  /** Exported params type name, e.g. `FinancialConnectionsAccountListOwnersParams`. */
  readonly paramsTypeName: string;
  /** Its `security`, else the document's (as the profile reads them): what its calls need. */
  readonly security: Security;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly tags: readonly string[];
  readonly parameters: {
    readonly path: readonly Parameter[];
    readonly query: readonly Parameter[];
    readonly header: readonly Parameter[];
    readonly cookie: readonly Parameter[];
  };
  readonly requestBody?: RequestBody;
  readonly success: Response;
  readonly errors: readonly Response[];
  /** Present when the success body is a page of a list the client can walk (`for await`). */
  readonly pagination?: Pagination;
}

/**
 * How the next page is asked for: `item-id` the last item's id as `starting_after` (Stripe's lists),
 * `cursor` a cursor or token from the answer sent back as a parameter, `next-url` a URL in the
 * answer, `link` the `Link` header's `rel="next"`, `offset` offset and limit, `page` page numbers.
 */
export type PagingStyle = 'item-id' | 'cursor' | 'next-url' | 'link' | 'offset' | 'page';

/** A list's paging as plain data: fields of the answer by dotted path (`links.next`), parameters by name. */
export interface Pagination {
  readonly style: PagingStyle;
  /** The items' schema: what `for await` yields. */
  readonly item: Schema;
  /** Where the items are in the answer (`data`); absent when the answer is the array itself. */
  readonly items?: string;
  /** `next-url`: the field with the next page's URL; `cursor`: the field with the next cursor. */
  readonly field?: string;
  /** `cursor`, `offset`, `page`: the query parameter that asks for the next page. */
  readonly param?: string;
  /** `offset`, `page`: the page size parameter (a shorter page is the last). */
  readonly size?: string;
  /** The answer's boolean field saying more pages follow (`has_more`). */
  readonly more?: string;
  /** `offset`, `page`: the answer's field with the total number of items. */
  readonly total?: string;
  /** Found from the parameters and the answer's shape, or declared by the spec's `x-pagination` or the config file. */
  readonly source: 'detected' | 'x-pagination' | 'config';
}

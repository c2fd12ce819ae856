// The discriminator pattern: a parent that is a union of its variants (`Pet: oneOf [Cat, Dog]`),
// each variant extending the parent (`Cat: allOf [Pet, {…}]`). Read literally it is a cycle
// (Pet → Cat → Pet); what the author means is that each variant has the parent's own properties,
// not its `oneOf`. The cycle check looks past these edges and the model types each variant with
// the parent's base and the discriminator's value for that variant.
import { componentSchemaName } from './refs.js';

type Raw = Record<string, unknown>;

export interface ParentOfVariant {
  /** The discriminator property, and this variant's value of it, when the parent declares one. */
  readonly discriminator?: { readonly property: string; readonly value: string };
}

/** variant component name → parent component name → what the variant takes from it. */
export type Polymorphism = ReadonlyMap<string, ReadonlyMap<string, ParentOfVariant>>;

export function findPolymorphism(document: Raw): Polymorphism {
  const schemas = (((document.components ?? {}) as Raw).schemas ?? {}) as Raw;
  const found = new Map<string, Map<string, ParentOfVariant>>();
  for (const parent of Object.keys(schemas).sort()) {
    const node = schemas[parent] as Raw | null;
    if (!node || typeof node !== 'object') continue;
    const alternatives = [...(Array.isArray(node.oneOf) ? node.oneOf : []), ...(Array.isArray(node.anyOf) ? node.anyOf : [])];
    for (const alternative of alternatives) {
      const ref = (alternative as Raw | null)?.$ref;
      const variant = typeof ref === 'string' ? componentSchemaName(ref) : undefined;
      if (variant === undefined || variant === parent || !extendsParent(schemas[variant], parent)) continue;
      const discriminator = discriminatorOf(node, variant);
      found.set(variant, new Map([...(found.get(variant) ?? []), [parent, discriminator ? { discriminator } : {}]]));
    }
  }
  return found;
}

/** Is `parent` one of the variant's own `allOf` parts? */
function extendsParent(variant: unknown, parent: string): boolean {
  const allOf = (variant as Raw | null)?.allOf;
  return Array.isArray(allOf) && allOf.some((part) => {
    const ref = (part as Raw | null)?.$ref;
    return typeof ref === 'string' && componentSchemaName(ref) === parent;
  });
}

/** The variant's discriminator value: the mapping key naming it, else (as OpenAPI says) its component name. */
function discriminatorOf(parent: Raw, variant: string): { property: string; value: string } | undefined {
  const discriminator = parent.discriminator as Raw | undefined;
  if (typeof discriminator?.propertyName !== 'string') return undefined;
  const mapping = (discriminator.mapping ?? {}) as Raw;
  const key = Object.keys(mapping).sort().find((k) => {
    const target = String(mapping[k]);
    return (componentSchemaName(target) ?? target) === variant;
  });
  return { property: discriminator.propertyName, value: key ?? variant };
}

import { publishCatalog } from '#shared/adapters/search/publish';

/** The catalog publish workflow's step [N8]: builds the search index and points the lookups at it. */
export const handler = async () => publishCatalog();

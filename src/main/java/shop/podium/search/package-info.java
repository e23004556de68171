/**
 * Product search on Elasticsearch: the index and its mapping, keeping it in step with the catalog through
 * module events (the event publication registry retries what failed while the cluster was away), the search
 * page with facets and type-ahead, and the database fallback that keeps search answering when the cluster
 * cannot. Which products a region sees comes from the catalog's {@link shop.podium.catalog.SellableRule}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package shop.podium.search;

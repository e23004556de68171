/**
 * What lets several instances of the shop run as one: work done once across them ({@link ClusterLocks},
 * ShedLock over the database) and changes that reach every instance's caches ({@link ChangeFeed}).
 */
package shop.podium.core.cluster;

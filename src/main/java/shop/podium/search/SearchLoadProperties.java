package shop.podium.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much search work the shop sends the cluster at once, and how long it reuses an answer: under a surge, fans
 * type the same few words, and one answer shared for a few seconds costs the cluster one search instead of
 * hundreds.
 *
 * @param concurrency searches and suggestions this instance has in flight toward the cluster at most; the
 * embedded node shares the shop's processors, so a few in flight keep them busy without queueing inside the node
 * @param waitForTurn how long a search waits for a place before it is answered without the cluster (the database
 * fallback while it has room, else the "busy, try again" page); suggestions never wait
 * @param resultsTimeToLive how long a full answer is served again to the same search (same words, filters, sort,
 * page, region and language); zero keeps none
 * @param degradedTimeToLive how long an answer from the database fallback is served again: shorter, so that the
 * cluster's full answer returns soon after it has room again
 * @param maximumResults how many answers are kept at most
 * @param maximumPageBytes how much text of search pages is kept at most (pages of full answers, for as long as
 * their answers); zero keeps none
 */
@ConfigurationProperties("podium.search.load")
record SearchLoadProperties(@DefaultValue("4") int concurrency, @DefaultValue("1s") Duration waitForTurn,
		@DefaultValue("3s") Duration resultsTimeToLive, @DefaultValue("500ms") Duration degradedTimeToLive,
		@DefaultValue("2000") long maximumResults, @DefaultValue("16MB") DataSize maximumPageBytes) {
}

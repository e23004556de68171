package shop.podium.finance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.BalanceTransactionSource;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.PayoutListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.accounts.AuditLog;
import shop.podium.core.cluster.ClusterLocks;
import shop.podium.payments.StripeApi;

/**
 * Pulls Stripe's ledger into finance: balance transactions (with their source expanded, so one list call
 * brings the PaymentIntent and order number matching needs), then payouts and, for each new payout, the
 * transactions it paid. Streams with stripe-java's auto-pagination and writes in batches, each its own
 * transaction; the cursor moves only when a run completes, so a failed run is simply run again (the unique
 * Stripe ids drop what it had already written). Then matches.
 */
@Service
class StripeImport {

	static final String TRANSACTIONS = "balance_transactions";

	static final String PAYOUTS = "payouts";

	/** The cluster lock an import runs under: one import at a time across the instances. */
	static final String LOCK = "finance-stripe-import";

	/**
	 * The lock is kept alive while an import runs (a first import of a large account pages through a year of
	 * transactions); an instance that dies importing leaves it for this long, then the next tick imports again
	 * from the cursor.
	 */
	private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(5);

	/** Every instance ticks at the same minutes by its own clock: the lock outlasts the clocks' differences. */
	private static final Duration SKEW = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(StripeImport.class);

	private final StripeApi stripe;

	private final Ledger ledger;

	private final ImportRuns runs;

	private final Reconciliation reconciliation;

	private final FinanceProperties properties;

	private final TransactionTemplate transactions;

	private final CheckoutSessionLookup sessions;

	private final DisputeStatuses disputes;

	/** An import already running in this instance: answered without asking the database. */
	private final AtomicBoolean running = new AtomicBoolean();

	private final ClusterLocks locks;

	StripeImport(StripeApi stripe, Ledger ledger, ImportRuns runs, Reconciliation reconciliation,
			FinanceProperties properties, TransactionTemplate transactions, CheckoutSessionLookup sessions,
			DisputeStatuses disputes, ClusterLocks locks) {
		this.locks = locks;
		this.stripe = stripe;
		this.ledger = ledger;
		this.runs = runs;
		this.reconciliation = reconciliation;
		this.properties = properties;
		this.transactions = transactions;
		this.sessions = sessions;
		this.disputes = disputes;
	}

	/**
	 * An import runs holding the cluster lock {@value #LOCK}, so a run still marked as running while nobody holds
	 * it was cut off by a stop (of whichever instance ran it); its cursor never moved, and the next run fetches
	 * what it had not finished. An instance starting while another one imports leaves that run alone.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void interruptRunsLeftByAStop() {
		this.locks.runOnce(LOCK, LOCK_AT_MOST_FOR, Duration.ZERO, () -> {
			int left = this.runs.interruptUnfinished();
			if (left > 0) {
				log.warn("Marked {} import run(s) left running by a stopped shop as interrupted", left);
			}
		});
	}

	/** Every instance ticks at the same minutes; the lock lets one of them import, once per tick. */
	@Scheduled(cron = "${podium.finance.import-cron:0 */15 * * * *}")
	void scheduled() {
		if (this.running.get() || this.locks.held(LOCK)) {
			return;
		}
		holdingLock(SKEW, () -> run(this.runs.start("SCHEDULED", AuditLog.SYSTEM)));
	}

	/** Starts a run record for an import asked for by a person; {@link #execute} does the work. */
	long start(String actor) {
		if (this.running.get() || this.locks.held(LOCK)) {
			throw new ImportAlreadyRunning();
		}
		return this.runs.start("MANUAL", actor);
	}

	/** Runs one import to its end (or failure), recording progress on the run as it goes. */
	void execute(long run) {
		if (!holdingLock(Duration.ZERO, () -> run(run))) {
			this.runs.fail(run, "another import is running");
		}
	}

	private boolean holdingLock(Duration lockAtLeastFor, Runnable task) {
		try {
			return this.locks.runHoldingLock(LOCK, LOCK_AT_MOST_FOR, lockAtLeastFor, () -> {
				task.run();
				return Boolean.TRUE;
			}).isPresent();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void run(long run) {
		if (!this.running.compareAndSet(false, true)) {
			this.runs.fail(run, "another import is running");
			return;
		}
		try {
			StripeClient client = this.stripe.client();
			importTransactions(client, run);
			importPayouts(client, run);
			this.sessions.lookUp(client);
			this.disputes.refresh(client);
			int found = this.reconciliation.match();
			this.runs.finish(run, found);
		}
		catch (StripeException | RuntimeException ex) {
			log.error("Import run {} failed", run, ex);
			this.runs.fail(run, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finally {
			this.running.set(false);
		}
	}

	private void importTransactions(StripeClient client, long run) throws StripeException {
		Ledger.Cursor cursor = this.ledger.cursor(TRANSACTIONS).orElse(new Ledger.Cursor(0, ""));
		BalanceTransactionListParams.Builder params = BalanceTransactionListParams.builder()
			.setLimit(this.properties.pageSize())
			.addExpand("data.source");
		if (cursor.created() > 0) {
			params.setCreated(BalanceTransactionListParams.Created.builder().setGte(cursor.created()).build());
		}
		Ledger.Cursor newest = stream(client.v1().balanceTransactions().list(params.build()).autoPagingIterable(),
				run, cursor, null);
		this.ledger.saveCursor(TRANSACTIONS, newest);
	}

	private void importPayouts(StripeClient client, long run) throws StripeException {
		Ledger.Cursor cursor = this.ledger.cursor(PAYOUTS).orElse(new Ledger.Cursor(0, ""));
		PayoutListParams.Builder params = PayoutListParams.builder().setLimit(this.properties.pageSize());
		if (cursor.created() > 0) {
			params.setCreated(PayoutListParams.Created.builder().setGte(cursor.created()).build());
		}
		Ledger.Cursor newest = cursor;
		int fresh = 0;
		for (Payout payout : client.v1().payouts().list(params.build()).autoPagingIterable()) {
			newest = newest.newer(payout.getCreated(), payout.getId());
			if (this.ledger.insertPayout(payout.getId(), Instant.ofEpochSecond(payout.getCreated()),
					(payout.getArrivalDate() != null) ? Instant.ofEpochSecond(payout.getArrivalDate()) : null,
					payout.getAmount(), payout.getCurrency(), payout.getStatus())) {
				fresh++;
			}
		}
		// a payout is created pending and paid (or failed) days later: ask again about those still on their way
		for (String payoutId : this.ledger.payoutsOnTheirWay()) {
			Payout payout = client.v1().payouts().retrieve(payoutId);
			this.ledger.updatePayout(payoutId, payout.getStatus(),
					(payout.getArrivalDate() != null) ? Instant.ofEpochSecond(payout.getArrivalDate()) : null);
		}
		for (String payoutId : this.ledger.unlinkedPayouts()) {
			BalanceTransactionListParams byPayout = BalanceTransactionListParams.builder()
				.setLimit(this.properties.pageSize())
				.setPayout(payoutId)
				.addExpand("data.source")
				.build();
			stream(client.v1().balanceTransactions().list(byPayout).autoPagingIterable(), run, null, payoutId);
			this.ledger.markLinked(payoutId);
		}
		this.ledger.saveCursor(PAYOUTS, newest);
		this.runs.payouts(run, fresh);
	}

	/** Writes the transactions in batches as they stream in; @return the newest (created, id) seen */
	private Ledger.Cursor stream(Iterable<BalanceTransaction> source, long run, Ledger.Cursor cursor, String payoutId) {
		Ledger.Cursor newest = (cursor != null) ? cursor : new Ledger.Cursor(0, "");
		List<LedgerEntry> batch = new ArrayList<>(this.properties.batchSize());
		long seen = 0;
		for (BalanceTransaction txn : source) {
			// the first object of each page arrives when the page does: Stripe's pages are full but the last
			if (seen++ % this.properties.pageSize() == 0) {
				this.runs.page(run);
			}
			newest = newest.newer(txn.getCreated(), txn.getId());
			batch.add(entry(txn));
			if (batch.size() == this.properties.batchSize()) {
				write(batch, run, payoutId);
				batch.clear();
			}
		}
		write(batch, run, payoutId);
		return newest;
	}

	private void write(List<LedgerEntry> batch, long run, String payoutId) {
		if (batch.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult(status -> {
			int fresh = this.ledger.insert(batch, "API", null);
			if (payoutId != null) {
				this.ledger.assignPayout(batch.stream().map(LedgerEntry::id).toList(), payoutId);
			}
			this.runs.progress(run, batch.size(), fresh);
		});
	}

	static LedgerEntry entry(BalanceTransaction txn) {
		String sourceId = txn.getSource();
		Long sourceAmount = null;
		String sourceCurrency = null;
		String intent = null;
		String charge = null;
		String order = null;
		BalanceTransactionSource source = txn.getSourceObject();
		if (source instanceof Charge c) {
			sourceAmount = c.getAmount();
			sourceCurrency = c.getCurrency();
			intent = c.getPaymentIntent();
			charge = c.getId();
			order = (c.getMetadata() != null) ? c.getMetadata().get("order") : null;
		}
		else if (source instanceof Refund r) {
			sourceAmount = r.getAmount();
			sourceCurrency = r.getCurrency();
			intent = r.getPaymentIntent();
			charge = r.getCharge();
			order = (r.getMetadata() != null) ? r.getMetadata().get("order") : null;
		}
		else if (source instanceof Dispute d) {
			sourceAmount = d.getAmount();
			sourceCurrency = d.getCurrency();
			intent = d.getPaymentIntent();
			charge = d.getCharge();
		}
		else if (source instanceof Payout p) {
			sourceAmount = p.getAmount();
			sourceCurrency = p.getCurrency();
		}
		return new LedgerEntry(txn.getId(), Instant.ofEpochSecond(txn.getCreated()), txn.getType(),
				(txn.getReportingCategory() != null) ? txn.getReportingCategory() : txn.getType(), txn.getAmount(),
				txn.getFee(), txn.getNet(), txn.getCurrency(), txn.getExchangeRate(), txn.getDescription(), sourceId,
				sourceAmount, sourceCurrency, intent, charge, order);
	}

	/** An import asked for while one is already running. */
	static class ImportAlreadyRunning extends RuntimeException {

	}

}

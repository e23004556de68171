package shop.podium.drops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.podium.drops.DropStatus.Action.APPROVE;
import static shop.podium.drops.DropStatus.Action.END;
import static shop.podium.drops.DropStatus.Action.PAUSE;
import static shop.podium.drops.DropStatus.Action.REJECT;
import static shop.podium.drops.DropStatus.Action.RESUME;

/** A drop's life as staff move it along: only what its status allows. */
class DropStatusTests {

	@Test
	void aProposalIsApprovedOrRejectedAndNothingElse() {
		assertThat(DropStatus.PROPOSED.after(APPROVE)).contains(DropStatus.APPROVED);
		assertThat(DropStatus.PROPOSED.after(REJECT)).contains(DropStatus.REJECTED);
		assertThat(DropStatus.PROPOSED.after(PAUSE)).isEmpty();
		assertThat(DropStatus.PROPOSED.after(RESUME)).isEmpty();
		assertThat(DropStatus.PROPOSED.after(END)).isEmpty();
	}

	@Test
	void aRunningDropIsPausedResumedAndEnded() {
		assertThat(DropStatus.APPROVED.after(PAUSE)).contains(DropStatus.PAUSED);
		assertThat(DropStatus.PAUSED.after(RESUME)).contains(DropStatus.APPROVED);
		assertThat(DropStatus.PAUSED.after(END)).contains(DropStatus.ENDED);
		assertThat(DropStatus.APPROVED.after(END)).contains(DropStatus.ENDED);
		assertThat(DropStatus.APPROVED.after(APPROVE)).isEmpty();
		assertThat(DropStatus.APPROVED.after(RESUME)).isEmpty();
	}

	@Test
	void anEndedOrRejectedDropStaysSo() {
		for (DropStatus.Action action : DropStatus.Action.values()) {
			assertThat(DropStatus.ENDED.after(action)).isEmpty();
			assertThat(DropStatus.REJECTED.after(action)).isEmpty();
		}
	}

}

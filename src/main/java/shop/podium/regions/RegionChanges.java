package shop.podium.regions;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import shop.podium.core.cluster.Change;
import shop.podium.core.cluster.ChangeKey;
import shop.podium.core.cluster.ChangeSubscriber;

/** A region changed through another instance: this one reads the regions again. */
@Component
@Order(ChangeSubscriber.DATA)
class RegionChanges implements ChangeSubscriber {

	private final Regions regions;

	RegionChanges(Regions regions) {
		this.regions = regions;
	}

	@Override
	public void changed(Change change) {
		if (!change.local() && change.touches(ChangeKey.REGION)) {
			this.regions.readAgain();
		}
	}

}

package org.luahost.scheduler.impl;

import java.util.function.Consumer;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;

import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * The Hazelcast events {@link LeaseWatch} needs and Vert.x's cluster
 * manager does not pass on: the lifecycle of a split brain's merge
 * (MERGING, MERGED, MERGE_FAILED, as the state's name) and members that
 * join this node's part of the cluster. Another cluster manager gives
 * none (the lease check alone then). Stateless; the callbacks run on
 * Hazelcast's threads.
 */
final class HazelcastEvents {
    private HazelcastEvents() {}

    static void listen(ClusterManager cm, Consumer<String> lifecycle, Runnable memberAdded) {
        if (!(cm instanceof HazelcastClusterManager hcm)) return;
        HazelcastInstance hz = hcm.getHazelcastInstance();
        if (hz == null) return;
        hz.getLifecycleService().addLifecycleListener(e -> lifecycle.accept(e.getState().name()));
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override public void memberAdded(MembershipEvent e) { memberAdded.run(); }

            @Override public void memberRemoved(MembershipEvent e) { }
        });
    }
}

/**
 * Clustering (issue 17): a clustered Vert.x on Hazelcast, joined over TCP-IP
 * (no multicast), for hosts whose {@link org.luahost.scheduler.HostOptions#cluster}
 * is on. {@link ClusterOptions} says where this node listens, which members
 * it joins and how long its lease lasts; {@link Clusters#start} builds the
 * Vertx. What the host does with it (the owner directory, routing, fencing)
 * is in {@code impl.ClusterRouter}.
 */
package org.luahost.scheduler.cluster;

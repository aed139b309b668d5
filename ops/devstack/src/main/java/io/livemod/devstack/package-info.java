/**
 * The Kafka and Redis a developer's data path runs on: an embedded KRaft broker (for {@code livemod run}
 * and the tests) and a real redis-server harness for tests.
 */
package io.livemod.devstack;

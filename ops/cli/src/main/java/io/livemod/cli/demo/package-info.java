/**
 * {@code livemod platform-demo}: a simulated platform closing the loop through the data path with the
 * Java client, and the staff on the other side.
 */
package io.livemod.cli.demo;

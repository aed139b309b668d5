/**
 * The ministry's takedown requests, coming out of the data path to the platform, and the platform's answer.
 */
package io.livemod.sdk.takedown;

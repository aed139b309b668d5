/**
 * The platform request signature (v2, HMAC-SHA256), the gate in front of the data path: the gateway
 * verifies it on every platform request, and every client the project ships signs with this one class.
 */
package io.livemod.signing;

/**
 * Signs each request with the gateway's v2 scheme, the gate every platform request passes before the
 * data path.
 */
package io.livemod.sdk.signing;

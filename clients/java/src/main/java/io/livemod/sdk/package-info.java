/**
 * The platform client: what a platform's backend uses to enter the data path (signed ingest with
 * retries) and to answer what comes out of it (takedowns, webhooks). Depends on no other Livemod module.
 */
package io.livemod.sdk;

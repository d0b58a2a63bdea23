/** Small helpers shared by the model builders: configuration value checks and build-time shape checks. */
package org.attnlab.models.support;

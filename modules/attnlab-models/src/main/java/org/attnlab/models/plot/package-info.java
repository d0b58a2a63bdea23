/** PNG plots drawn with JFreeChart: {@link org.attnlab.models.plot.Heatmaps} for attention and position maps. */
package org.attnlab.models.plot;

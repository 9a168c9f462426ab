package org.claimbridge.web;

/** Marks a controller that renders pages in the layout (as opposed to the JSON API), so page advice reaches it. */
interface Page {
}

/**
 * Code sets: ICD-10-CM, ICD-10-PCS, HCPCS Level II, place of service and modifiers, loaded from files with their
 * history kept, and read by the scrub rules through {@link org.claimbridge.codes.CodeSets} and
 * {@link org.claimbridge.codes.CodeFormats}.
 */
package org.claimbridge.codes;

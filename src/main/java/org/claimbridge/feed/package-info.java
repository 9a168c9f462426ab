/**
 * Feed health: each practice's HL7 feed against its own usual pattern, and the alerts a billing company acts on
 * before claims go missing (a feed quiet in hours it normally sends; a feed that drifts to a new segment, version,
 * charset or message type). Its own feature rather than part of intake because it judges intake's counts with
 * settings and a clock of its own, and intake must not grow page concerns; intake keeps the counts
 * ({@link org.claimbridge.intake.FeedActivity}), in the transaction that stores each message.
 */
package org.claimbridge.feed;

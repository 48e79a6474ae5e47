-- delete-story-views: every view of a story (before writing its new list). $1 district, $2 story.
DELETE FROM story_view WHERE district_id = $1 AND story_id = $2;

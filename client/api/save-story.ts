import { requestJson } from './fetch-json';
import type { Story, StoryView } from './story-types';

/**
 * POST /api/stories (no id yet) or PUT /api/stories/:id with the version last seen: the
 * story's title and all its views, saved in one transaction.
 */
export const saveStory = (
  story: { id?: number; version?: number; districtId: number; communityId: number | null },
  title: string,
  views: StoryView[],
  locale: string,
): Promise<Story> =>
  story.id === undefined
    ? requestJson<Story>('/api/stories', {
        method: 'POST',
        body: { districtId: story.districtId, communityId: story.communityId, title, views },
        locale,
      })
    : requestJson<Story>(`/api/stories/${story.id}`, {
        method: 'PUT',
        body: { version: story.version, title, views },
        locale,
      });

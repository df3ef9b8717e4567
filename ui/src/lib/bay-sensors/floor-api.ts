import { api, must } from '$lib/api/client';
import type { Floor, RepairOrderTimeInBay, Suggestion } from './floor';

/** The bay-sensor calls of the board and the repair order. */
export async function loadFloor(): Promise<Floor> {
  return must(api.GET('/api/bay-sensors/floor'));
}

export async function answerSuggestion(id: string, answer: 'accept' | 'dismiss'): Promise<Suggestion> {
  const path = { params: { path: { id } } };
  return must(
    answer === 'accept'
      ? api.POST('/api/bay-sensors/suggestions/{id}/accept', path)
      : api.POST('/api/bay-sensors/suggestions/{id}/dismiss', path),
  );
}

export async function loadTimeInBay(repairOrderId: string): Promise<RepairOrderTimeInBay> {
  return must(api.GET('/api/bay-sensors/repair-orders/{id}', { params: { path: { id: repairOrderId } } }));
}

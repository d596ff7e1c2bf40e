import type { Redis } from 'ioredis';
import type { Queue } from 'bull';

/**
 * Where Bull holds a job, as far as running it goes. Only the first four will ever run: a job's
 * id must sit in the wait, active or paused list or in the delayed set (Bull's `priority` set
 * only orders ids that are also in the wait list). A `husk` is a job hash in none of them, such
 * as the one Bull's finish step writes (`failedReason` and a stacktrace) for a job that was active
 * when Redis was flushed: nothing will run it, and while it exists Bull takes a new job with its
 * id for a duplicate and adds nothing. `missing` is no hash at all (an id left in a list without
 * its hash counts as missing: there is nothing for a worker to run).
 */
export enum JobPlace {
  Waiting = 'waiting',
  Active = 'active',
  Paused = 'paused',
  Delayed = 'delayed',
  Husk = 'husk',
  Missing = 'missing',
}

export interface JobState {
  place: JobPlace;
  /** Bull's `attemptsMade` on the hash: above 0, the job is in retry backoff or has run. */
  attemptsMade: number;
}

export enum PlacesMode {
  /** Read only. */
  Inspect = 'inspect',
  /** Removes the hash (and lock and logs) of each id that is a husk at that moment. */
  PurgeHusks = 'purge-husks',
  /** Removes each id from every list and set, and its hash, lock and logs, wherever it was. */
  PurgeAll = 'purge-all',
}

/**
 * One script, run atomically, so that no job moves between lists while it looks: for each id,
 * where its job is, then (by mode) removal. Membership, not existence: a list is read once per
 * call into a table (LRANGE), and only when some id has a hash and no delayed entry, so a batch
 * costs one pass over the wait list at most rather than an LPOS scan per id. Removal from a list
 * searches from its tail (LREM -1), where the oldest jobs are.
 *
 * KEYS: wait, active, paused, delayed, priority, stalled. ARGV: mode, job key prefix, ids...
 * Answers `place, attemptsMade` per id, as found before any removal.
 */
const PLACES_LUA = `
local lists = { KEYS[2], KEYS[1], KEYS[3] }
local names = { 'active', 'waiting', 'paused' }
local members = {}
local function inList(i, id)
  local set = members[i]
  if not set then
    set = {}
    for _, v in ipairs(redis.call('LRANGE', lists[i], 0, -1)) do set[v] = true end
    members[i] = set
  end
  return set[id] == true
end
local mode = ARGV[1]
local out = {}
for n = 3, #ARGV do
  local id = ARGV[n]
  local key = ARGV[2] .. id
  local place = 'missing'
  local attempts = 0
  local listed = nil
  if redis.call('EXISTS', key) == 1 then
    attempts = tonumber(redis.call('HGET', key, 'attemptsMade') or '0') or 0
    if redis.call('ZSCORE', KEYS[4], id) then
      place = 'delayed'
    else
      place = 'husk'
      for i = 1, 3 do
        if inList(i, id) then place = names[i]; listed = i; break end
      end
    end
  end
  if mode == 'purge-all' or (mode == 'purge-husks' and place == 'husk') then
    if mode == 'purge-all' then
      for i = 1, 3 do
        if listed == i or (listed == nil and place ~= 'delayed' and inList(i, id)) then
          redis.call('LREM', lists[i], -1, id)
        end
      end
      redis.call('ZREM', KEYS[4], id)
      redis.call('ZREM', KEYS[5], id)
      redis.call('SREM', KEYS[6], id)
    end
    redis.call('DEL', key, key .. ':lock', key .. ':logs')
  end
  out[#out + 1] = place
  out[#out + 1] = attempts
end
return out
`;

const COMMAND = 'vwsJobPlaces';

type PlacesClient = Redis & {
  [COMMAND](...args: string[]): Promise<Array<string | number>>;
};

function placesClient(queue: Queue): PlacesClient {
  const client = queue.client as unknown as PlacesClient;
  // defineCommand sends EVALSHA, and the script itself only when Redis does not know it yet.
  if (typeof client[COMMAND] !== 'function') {
    client.defineCommand(COMMAND, { numberOfKeys: 6, lua: PLACES_LUA });
  }
  return client;
}

/**
 * Where each id's job is (see JobPlace), in one round trip and one atomic step, optionally
 * removing some of them (PlacesMode). Shared by every queue whose jobs PostgreSQL can re-derive.
 */
export async function jobPlaces(
  queue: Queue,
  ids: readonly string[],
  mode: PlacesMode = PlacesMode.Inspect,
): Promise<JobState[]> {
  if (ids.length === 0) return [];
  const keys = ['wait', 'active', 'paused', 'delayed', 'priority', 'stalled'].map((k) =>
    queue.toKey(k),
  );
  const answer = await placesClient(queue)[COMMAND](...keys, mode, queue.toKey(''), ...ids);
  return ids.map((_, i) => ({
    place: answer[2 * i] as JobPlace,
    attemptsMade: Number(answer[2 * i + 1]),
  }));
}

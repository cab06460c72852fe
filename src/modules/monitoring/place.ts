/**
 * Where a report happened, worked out from figures alone: which monitoring region a point
 * lies in, and the place a reader below a report's protection level is shown instead of the
 * exact one.
 */

/** A region's outline: [longitude, latitude] pairs, as the organisation file gives them. */
export type Outline = readonly (readonly [number, number])[];

/**
 * Whether the point lies inside the outline (even-odd rule on the plane of longitude and
 * latitude, good for the few hundred kilometres a monitoring region spans; a point on an
 * edge may fall either side).
 */
export function insideOutline(longitude: number, latitude: number, outline: Outline): boolean {
  let inside = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const [xi, yi] = outline[i];
    const [xj, yj] = outline[j];
    if (yi > latitude !== yj > latitude && longitude < ((xj - xi) * (latitude - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

/** The first region (in the file's order) whose outline holds the point, else null. */
export function regionOf(
  longitude: number,
  latitude: number,
  regions: readonly { code: string; area: Outline | null }[],
): string | null {
  for (const r of regions)
    if (r.area && r.area.length >= 3 && insideOutline(longitude, latitude, r.area)) return r.code;
  return null;
}

/** One decimal of a degree: about 11 km north-south, the size of a district. */
export const WITHHELD_STEP = 0.1;

/** A coordinate rounded to the district grid (what a reader below the protection level sees). */
export const toDistrict = (degrees: number) => Math.round(degrees * 10) / 10;

/** The precision shown with a withheld point: never finer than a district. */
export const withheldPrecision = (precision: string | null) =>
  precision === 'region' ? 'region' : 'district';

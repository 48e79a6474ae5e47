import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getDistrictRegister, type DistrictRegister } from '../api/get-district-register';
import type { Id } from '../api/types';
import { indicatorColors, type Choropleth, type Indicator } from '../map/indicator-colors';
import type { DistrictData } from './district-data';

/**
 * The district review mode: whether it is open, the district register the server computed,
 * the indicator the map is coloured by, and the community the map flew to from the table.
 */
export class DistrictReviewController implements ReactiveController {
  open = false;
  register: DistrictRegister | null = null;
  indicator: Indicator = 'stage';
  focusedId: string | null = null;
  loading = false;
  error: unknown = null;
  private _districtId: string | null = null;
  private _choropleth: { key: unknown[]; value: Choropleth | null } | undefined;
  private _decorated: { key: unknown[]; value: DistrictData | undefined } | undefined;
  private _abort: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this._abort?.abort();
  }

  toggle(districtId: string | null): void {
    this.open = !this.open;
    this.focusedId = null;
    if (this.open && districtId) void this.load(districtId);
    this.host.requestUpdate();
  }

  /** (Re)load the register of a district, e.g. after a review step changed a state. */
  async load(districtId: Id): Promise<void> {
    this._districtId = String(districtId);
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    this.loading = true;
    this.host.requestUpdate();
    try {
      const register = await getDistrictRegister(districtId, abort.signal);
      if (abort.signal.aborted || this._districtId !== String(districtId)) return;
      this.register = register;
      this.error = null;
    } catch (err) {
      if (!abort.signal.aborted) this.error = err;
    } finally {
      if (!abort.signal.aborted) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  setIndicator(indicator: Indicator): void {
    this.indicator = indicator;
    this.host.requestUpdate();
  }

  get choropleth(): Choropleth | null {
    const key = [this.register, this.indicator];
    if (this._choropleth && key.every((k, i) => k === this._choropleth?.key[i]))
      return this._choropleth.value;
    const value = this.register ? indicatorColors(this.register.communities, this.indicator) : null;
    this._choropleth = { key, value };
    return value;
  }

  /** The district data with each community's choropleth colour, while the mode is open. */
  decorate(data: DistrictData | undefined): DistrictData | undefined {
    const choropleth = this.open ? this.choropleth : null;
    if (!data || !choropleth) return data;
    const key = [data, choropleth];
    if (this._decorated && key.every((k, i) => k === this._decorated?.key[i]))
      return this._decorated.value;
    const value: DistrictData = {
      ...data,
      communities: data.communities.map((c) => ({
        ...c,
        properties: {
          ...c.properties,
          choroplethColor: choropleth.colors.get(String(c.properties.id)) ?? null,
        },
      })),
    };
    this._decorated = { key, value };
    return value;
  }
}

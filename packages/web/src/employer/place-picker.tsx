import { useSignal } from '@preact/signals';
import { type DeltaCityCode, type DeltaProvinceCode, provinceOfCity } from '@skillpass/domain/places';
import { citiesOf, cityName, PROVINCES, placeName, provinceName } from '../graduate/places.ts';
import { t } from '../i18n.ts';

export type PickedPlace = { kind: 'delta'; cityCode: DeltaCityCode } | { kind: 'remote' };
type ShownPlace = { kind: string; cityCode?: string };

/**
 * One place, chosen the way the graduate's profile chooses cities: a Delta province, then one of its cities (from
 * the same list of places); a job may also be remote. A place saved elsewhere (outside the Delta) is shown as it is
 * and kept until another is chosen.
 */
export function PlacePicker({
  id,
  place,
  allowRemote,
  invalid,
  onChange,
}: {
  id: string;
  place: ShownPlace | undefined;
  allowRemote?: boolean;
  invalid?: boolean;
  onChange: (place: PickedPlace | undefined) => void;
}) {
  const initial =
    place?.kind === 'delta' && place.cityCode ? provinceOfCity(place.cityCode as DeltaCityCode) : (place?.kind ?? '');
  const province = useSignal<string>(initial === 'elsewhere' ? '' : initial);
  return (
    <>
      {place?.kind === 'elsewhere' && (
        <p class="hint">{t('employer.place.current', { place: placeName(place as Record<string, unknown>) })}</p>
      )}
      <label for={`${id}-province`}>{t('employer.place.province')}</label>
      <select
        id={`${id}-province`}
        value={province.value}
        aria-invalid={invalid && !province.value ? true : undefined}
        onChange={(event) => {
          province.value = event.currentTarget.value;
          onChange(province.value === 'remote' ? { kind: 'remote' } : undefined);
        }}
      >
        <option value="">{t('employer.place.chooseProvince')}</option>
        {PROVINCES.map((code) => (
          <option key={code} value={code}>
            {provinceName(code)}
          </option>
        ))}
        {allowRemote && <option value="remote">{t('place.remote')}</option>}
      </select>
      {province.value && province.value !== 'remote' && (
        <>
          <label for={`${id}-city`}>{t('employer.place.city')}</label>
          <select
            id={`${id}-city`}
            value={place?.kind === 'delta' ? place.cityCode : ''}
            aria-invalid={invalid ? true : undefined}
            onChange={(event) => {
              const city = event.currentTarget.value as DeltaCityCode | '';
              onChange(city ? { kind: 'delta', cityCode: city } : undefined);
            }}
          >
            <option value="">{t('employer.place.chooseCity')}</option>
            {citiesOf(province.value as DeltaProvinceCode).map((city) => (
              <option key={city} value={city}>
                {cityName(city)}
              </option>
            ))}
          </select>
        </>
      )}
    </>
  );
}

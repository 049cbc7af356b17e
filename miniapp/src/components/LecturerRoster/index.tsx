import { Input, Text, View } from '@tarojs/components'
import type { RosterFieldsFragment } from '../../packages/lecturer/gql/graphql'
import BookingBadge from '../BookingBadge'
import { formatTime } from '../../utils/format'
import './index.scss'

interface Props {
  roster: RosterFieldsFragment | null
  /** The 手机尾号 box: what is typed, and whether a search is on its way. */
  phoneTail: string
  onPhoneTail: (value: string) => void
  searching: boolean
  /** Why the roster could not be loaded, if it could not. */
  error?: string | null
}

/** The households booked: totals, a search by the last four phone digits, one row per household. */
export default function LecturerRoster({ roster, phoneTail, onPhoneTail, searching, error }: Props) {
  const filtered = /^\d{4}$/.test(phoneTail)
  return (
    <View className='lecturer-roster'>
      <Text className='lecturer-roster__heading'>预约名单</Text>
      {roster && (
        <View className='lecturer-roster__totals'>
          <Text className='lecturer-roster__total lecturer-roster__booked'>已预约 {roster.bookedHouseholds} 户</Text>
          <Text className='lecturer-roster__total lecturer-roster__checked'>已签到 {roster.checkedInHouseholds} 户</Text>
          <Text className='lecturer-roster__total lecturer-roster__present'>到场 {roster.peoplePresent} 人</Text>
        </View>
      )}
      <Input
        className='lecturer-roster__search'
        type='number'
        value={phoneTail}
        maxlength={4}
        placeholder='按手机尾号查找（4 位）'
        onInput={(event) => onPhoneTail(event.detail.value)}
      />
      {error ? (
        <Text className='lecturer-roster__note'>{error}</Text>
      ) : !roster || searching ? (
        <Text className='lecturer-roster__note'>正在加载…</Text>
      ) : roster.entries.length === 0 ? (
        <Text className='lecturer-roster__note'>{filtered ? `没有尾号为 ${phoneTail} 的预约家庭` : '还没有家庭预约'}</Text>
      ) : (
        roster.entries.map((entry) => (
          <View key={entry.bookingId} className='lecturer-roster__row'>
            <View className='lecturer-roster__body'>
              <Text className='lecturer-roster__name'>{entry.householdName}</Text>
              <Text className='lecturer-roster__details'>
                尾号 {entry.phoneTail ?? '—'} · {entry.partySize} 位
                {entry.seatNumbers.length > 0 ? ` · 座位 ${entry.seatNumbers.join('、')}` : ''}
              </Text>
              {entry.checkedInAt && (
                <Text className='lecturer-roster__details'>
                  {formatTime(entry.checkedInAt)} 签到{entry.partyPresent != null ? `，到场 ${entry.partyPresent} 人` : ''}
                </Text>
              )}
            </View>
            <View className='lecturer-roster__status'>
              <BookingBadge status={entry.status} />
            </View>
          </View>
        ))
      )}
      {roster && !filtered && roster.walkIns.length > 0 && (
        <Text className='lecturer-roster__note'>
          现场来宾 {roster.walkIns.length} 批，共 {roster.walkIns.reduce((sum, w) => sum + w.partySize, 0)} 人
        </Text>
      )}
    </View>
  )
}

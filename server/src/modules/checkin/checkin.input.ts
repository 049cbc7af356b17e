import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** People one scan may count, online and in a synced offline queue. */
export const MAX_PARTY_PRESENT = 20;

@InputType()
export class CheckInInput {
  @Field(() => ID)
  lectureId!: string;

  @Field(() => String, { nullable: true, description: "The QR code's text or the 8-character short code (K7Q2-9XMA)" })
  @IsOptional()
  @MaxLength(2000)
  code?: string | null;

  @Field(() => ID, { nullable: true, description: 'Or a booking picked from the roster' })
  @IsOptional()
  bookingId?: string | null;

  @Field(() => Int, { nullable: true, description: 'People who came; the booked party when not given' })
  @IsOptional()
  @Min(1)
  @Max(MAX_PARTY_PRESENT)
  partyPresent?: number | null;
}

@ArgsType()
export class CheckInArgs {
  @Field(() => CheckInInput)
  @ValidateNested()
  input!: CheckInInput;
}

@InputType()
export class WalkInInput {
  @Field(() => ID)
  lectureId!: string;

  @Field(() => Int)
  @Min(1)
  @Max(50)
  partySize!: number;

  @Field(() => String, { nullable: true, description: 'e.g. 王奶奶带孙子' })
  @IsOptional()
  @MaxLength(50)
  note?: string | null;

  @Field({ description: 'Made once per walk-in on the device; a retry records nothing twice' })
  @Matches(/^[\w-]{8,64}$/, { message: 'clientScanId must be 8 to 64 letters, digits, _ or -' })
  clientScanId!: string;
}

@ArgsType()
export class WalkInArgs {
  @Field(() => WalkInInput)
  @ValidateNested()
  input!: WalkInInput;
}

/**
 * One entry of a device's offline queue. Deliberately not validated field by field here: a bad
 * entry must come back as a REJECTED result of its own, not fail the whole batch and block the
 * device's queue forever.
 */
@InputType()
export class OfflineScanInput {
  @Field({ description: 'Unique per scan on the device; replaying it is harmless' })
  clientScanId!: string;

  @Field(() => ID)
  lectureId!: string;

  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => ID, { nullable: true })
  bookingId?: string | null;

  @Field(() => Int, { nullable: true })
  partyPresent?: number | null;

  @Field(() => Int, { nullable: true, description: 'A walk-in of this many people, instead of a ticket' })
  walkInPartySize?: number | null;

  @Field({ description: 'When the door scanned it, by the device clock' })
  scannedAt!: Date;
}

@ArgsType()
export class SyncCheckInsArgs {
  @Field(() => [OfflineScanInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  scans!: OfflineScanInput[];
}

@ArgsType()
export class LectureRosterArgs {
  @Field(() => ID)
  lectureId!: string;

  @Field(() => String, { nullable: true, description: 'Only households whose phone ends in these four digits' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'phoneTail must be four digits' })
  phoneTail?: string | null;
}
